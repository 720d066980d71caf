// Starts the real shiftbank-server binary on 127.0.0.1 with an OS-chosen port, reads the port from
// its first lines of output, and stops it (SIGTERM, then SIGKILL) when the test ends.
#pragma once
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sb::test {

// A path in the temporary folder, "shiftbank-<name>-<pid>", with nothing there yet (nor a database's
// -wal and -shm beside it): for a --db or a data file one test owns.
inline std::string fresh_temp_path(const std::string& name) {
    const auto p = std::filesystem::temp_directory_path() / ("shiftbank-" + name + "-" + std::to_string(getpid()));
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
    return p.string();
}

class ServerProcess {
public:
    explicit ServerProcess(std::vector<std::string> extra_args = {}) {
        int out[2];
        if (pipe(out) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            std::vector<std::string> args = {SHIFTBANK_SERVER, "--port", "0", "--web", SHIFTBANK_WEB_DIR};
            args.insert(args.end(), extra_args.begin(), extra_args.end());
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        output_ = fdopen(out[0], "r");
        char line[512];
        while (std::fgets(line, sizeof line, output_)) {
            const std::string s = line;
            banner_ += s;
            const auto at = s.find("http://127.0.0.1:");
            if (at != std::string::npos) {
                port_ = std::stoi(s.substr(at + 17));
                break;
            }
        }
        if (port_ <= 0) throw std::runtime_error("server did not start: " + banner_);
    }
    ~ServerProcess() { stop(); }

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    const std::string& banner() const { return banner_; }

    // SIGTERM and wait up to 5 s; returns the exit status (or -1 if it had to be killed).
    int stop() {
        if (pid_ <= 0) return exit_status_;
        kill(pid_, SIGTERM);
        for (int i = 0; i < 500; ++i) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                pid_ = 0;
                if (output_) std::fclose(output_), output_ = nullptr;
                return exit_status_;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = 0;
        if (output_) std::fclose(output_), output_ = nullptr;
        return exit_status_ = -1;
    }

private:
    pid_t pid_ = 0;
    int port_ = 0;
    int exit_status_ = -1;
    FILE* output_ = nullptr;
    std::string banner_;
};

}  // namespace sb::test
