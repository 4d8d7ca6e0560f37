#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) standing in for a
// learning record store: it records every request and answers with whatever
// status the test's policy says, or drops the connection unanswered.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dermasim::test {

struct HttpRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& name) const {
    for (const auto& [k, v] : headers)
      if (k == name) return v;
    return {};
  }
};

class LrsReceiver {
 public:
  /// status 0: close the connection without answering (a lost response).
  struct Reply {
    int status = 204;
    std::string body;
  };
  using Policy = std::function<Reply(const HttpRequest&)>;

  explicit LrsReceiver(Policy policy) : policy_(std::move(policy)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd_, 16) != 0)
      throw std::runtime_error("test receiver: cannot listen on 127.0.0.1");
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LrsReceiver() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  LrsReceiver(const LrsReceiver&) = delete;
  LrsReceiver& operator=(const LrsReceiver&) = delete;

  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_) + "/xapi/"; }
  void set_policy(Policy p) {
    std::lock_guard lock(mutex_);
    policy_ = std::move(p);
  }
  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

  /// A port on 127.0.0.1 with nothing listening: connections are refused.
  static int closed_port() {
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    close(s);
    return ntohs(addr.sin_port);
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      const int c = accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      handle(c);
      close(c);
    }
  }

  static std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  }

  void handle(int c) {
    std::string data;
    char buf[4096];
    std::size_t header_end = std::string::npos;
    std::size_t content_length = 0;
    for (;;) {
      pollfd p{c, POLLIN, 0};
      if (poll(&p, 1, 2000) <= 0) return;
      const ssize_t n = recv(c, buf, sizeof buf, 0);
      if (n <= 0) return;
      data.append(buf, static_cast<std::size_t>(n));
      if (header_end == std::string::npos) {
        header_end = data.find("\r\n\r\n");
        if (header_end != std::string::npos) {
          const auto pos = lower(data.substr(0, header_end)).find("content-length:");
          if (pos != std::string::npos) content_length = std::stoul(data.substr(pos + 15));
        }
      }
      if (header_end != std::string::npos && data.size() >= header_end + 4 + content_length) break;
    }
    HttpRequest r;
    std::size_t line_end = data.find("\r\n");
    const std::string request_line = data.substr(0, line_end);
    r.method = request_line.substr(0, request_line.find(' '));
    r.target = request_line.substr(request_line.find(' ') + 1, request_line.rfind(' ') - request_line.find(' ') - 1);
    for (std::size_t at = line_end + 2; at < header_end;) {
      const std::size_t e = data.find("\r\n", at);
      const std::string line = data.substr(at, e - at);
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string v = line.substr(colon + 1);
        v.erase(0, v.find_first_not_of(' '));
        r.headers.emplace_back(lower(line.substr(0, colon)), v);
      }
      at = e + 2;
    }
    r.body = data.substr(header_end + 4, content_length);
    Reply reply;
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(r);
      reply = policy_(r);
    }
    if (reply.status == 0) return;  // drop it: the client never learns the outcome
    std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\nContent-Length: " +
                      std::to_string(reply.body.size()) + "\r\nConnection: close\r\n\r\n" + reply.body;
    send(c, out.data(), out.size(), MSG_NOSIGNAL);
  }

  Policy policy_;
  mutable std::mutex mutex_;
  std::vector<HttpRequest> requests_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace dermasim::test
