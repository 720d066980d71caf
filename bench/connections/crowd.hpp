// A crowd of open browsers against a running shiftbank-server on 127.0.0.1: thousands of change
// feeds held open at once (Server-Sent Events with gzip, as the browser asks for them), while the
// health check and a manager's commands are timed and every change is followed until it has
// reached every open feed. The bench (connections_bench) runs it at 10,000; the server tests run
// the same code at 1,000.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sb::bench {

struct HttpAnswer {
    int status = 0;   // 0: no answer (refused, reset, timed out)
    std::string body;
};

// One request on a fresh connection, with a 30 s bound; `token` adds "Authorization: Bearer".
HttpAnswer http_call(int port, const std::string& method, const std::string& target, const std::string& token = {},
                     const std::string& body = {});
// A demo account's token (its password from /api/demo-users); empty if refused.
std::string sign_in(int port, const std::string& username, const std::string& password);

struct CrowdOptions {
    int port = 0;
    int connections = 1000;
    int batch = 250;                      // feeds opened at once; the next batch once these answer
    std::vector<std::string> tokens;      // the feeds use these in turn (people of every role)
    std::string command_token;            // a manager's or administrator's, for the timed commands
    std::string shift;                    // an open shift: each command raises its rate
    int commands = 20;                    // sent one at a time while the crowd is open
    int health_checks = 200;              // at least this many, one every 10 ms, during the commands
    double fan_out_timeout_s = 10;
    std::function<void()> when_open;      // called once every feed is open, before the commands
};

struct CrowdFigures {
    int opened = 0;                  // feeds that answered with their first event
    int refused = 0;                 // feeds that got no first event
    double open_s = 0;               // time to open all of them
    std::vector<double> health_ms;   // GET /api/health, while the crowd is open
    std::vector<double> ack_ms;      // POST /api/commands until its answer (durable: after its fsync)
    std::vector<double> fan_out_ms;  // per command: from sending it until the last open feed had it
    int missed = 0;                  // (feed, command) pairs not delivered within the timeout
    int wrong_status = 0;            // commands not answered 200 "accepted"
    int still_open = 0;              // feeds still open at the end (none dropped)
};

CrowdFigures run_crowd(const CrowdOptions& options);

double percentile(std::vector<double> values, double p);   // p in [0, 100]; 0 if empty
long resident_kib(int pid);                                 // VmRSS of a process, -1 if unknown
double cpu_seconds(int pid);                                // user + system time of a process so far

}  // namespace sb::bench
