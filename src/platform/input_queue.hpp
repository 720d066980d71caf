#pragma once
// Input ImGui has received but not yet acted on. ImGui hands queued input to the app a little per frame
// ("trickling", so a press and release in one frame still count as a click), so typing "Zoab" fast
// takes several frames: a platform that draws only after input must keep drawing until the queue is
// empty, or the last letters would wait for the next keypress.
#include "imgui.h"
#include "imgui_internal.h"

namespace sb::platform {

inline bool imgui_input_queued() { return !ImGui::GetCurrentContext()->InputEventsQueue.empty(); }

}  // namespace sb::platform
