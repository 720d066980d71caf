// CPU milliseconds per drawn frame, for window.shiftbankTest.frameStats() and the frame benchmark:
// the UI's own work (p50/p95) and, separately, the time spent submitting to the GPU (render_*).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace sb {

class FrameStats {
public:
    void add(double ui_ms, double render_ms = 0) {
        ++frames_;
        if (ui_.size() < kKeep) {
            ui_.push_back(ui_ms);
            render_.push_back(render_ms);
        } else {
            ui_[size_t(frames_ % kKeep)] = ui_ms;
            render_[size_t(frames_ % kKeep)] = render_ms;
        }
    }
    uint64_t frames() const { return frames_; }
    double percentile(double p) const { return percentile_of(ui_, p); }
    static double percentile_of(std::vector<double> s, double p) {
        if (s.empty()) return 0;
        const size_t k = std::min(s.size() - 1, size_t(p * double(s.size() - 1) + 0.5));
        std::nth_element(s.begin(), s.begin() + long(k), s.end());
        return s[k];
    }
    std::string json() const {
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "{\"frames\":%llu,\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"render_p50_ms\":%.3f,\"render_p95_ms\":%.3f}",
                      static_cast<unsigned long long>(frames_), percentile(0.50), percentile(0.95),
                      percentile_of(render_, 0.50), percentile_of(render_, 0.95));
        return buf;
    }

private:
    static constexpr size_t kKeep = 600;   // the last ten seconds or so of drawn frames
    std::vector<double> ui_, render_;
    uint64_t frames_ = 0;
};

}  // namespace sb
