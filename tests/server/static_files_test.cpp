#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "static_files.hpp"

using namespace sb::server;
namespace fs = std::filesystem;

TEST_CASE("paths cannot leave the web folder") {
    const fs::path root = fs::temp_directory_path() / "shiftbank-static-test";
    fs::remove_all(root);
    fs::create_directories(root / "sub");
    std::ofstream(root / "index.html") << "<!doctype html>";
    std::ofstream(root / "sub" / "a.js") << "x";
    std::ofstream(root / ".secret") << "no";
    std::ofstream(root.parent_path() / "outside.txt") << "no";
    fs::remove(root / "link");
    fs::create_symlink(root.parent_path() / "outside.txt", root / "link");
    const fs::path canon = fs::weakly_canonical(root);

    CHECK(safe_join(canon, "/") == canon / "index.html");
    CHECK(safe_join(canon, "/sub/a.js") == canon / "sub" / "a.js");
    for (const char* bad : {"/../outside.txt", "/sub/../../outside.txt", "/.secret", "/sub/..", "/link",
                            "/..%2foutside.txt", "relative", "/sub\\..\\..\\outside.txt", "/nothere.js"})
        CHECK_MESSAGE(!safe_join(canon, bad), bad);
    CHECK_FALSE(safe_join(canon, std::string("/index.html\0.png", 16)));
    fs::remove_all(root);
}

TEST_CASE("MIME types the browser needs") {
    CHECK(mime_type(".wasm") == "application/wasm");
    CHECK(mime_type(".js") == "text/javascript; charset=utf-8");
    CHECK(mime_type(".unknown") == "application/octet-stream");
}
