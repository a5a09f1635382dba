#include "cli/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <memory>

namespace jx::cli {

namespace {

// The %* flag: the message's level in the user's language ("错误", "警告" …).
class LevelName final : public spdlog::custom_flag_formatter {
 public:
  explicit LevelName(Lang lang) : lang_(lang) {}
  void format(const spdlog::details::log_msg& msg, const std::tm& /*time*/,
              spdlog::memory_buf_t& dest) override {
    const char* name = level_name(msg.level);
    dest.append(name, name + std::strlen(name));
  }
  [[nodiscard]] std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<LevelName>(lang_);
  }

 private:
  [[nodiscard]] const char* level_name(spdlog::level::level_enum level) const {
    const bool zh = lang_ == Lang::zh;
    switch (level) {
      case spdlog::level::trace: return zh ? "跟踪" : "trace";
      case spdlog::level::debug: return zh ? "调试" : "debug";
      case spdlog::level::info: return zh ? "信息" : "info";
      case spdlog::level::warn: return zh ? "警告" : "warning";
      case spdlog::level::err: return zh ? "错误" : "error";
      case spdlog::level::critical: return zh ? "严重错误" : "critical";
      default: return "";
    }
  }
  Lang lang_;
};

}  // namespace

const std::vector<std::string>& log_level_names() {
  static const std::vector<std::string> names{"trace", "debug", "info", "warn", "error", "off"};
  return names;
}

void init_logging(const std::string& level, Lang lang) {
  auto logger = spdlog::stderr_color_mt("jxaudit");
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<LevelName>('*', lang).set_pattern("jxaudit: %^%*%$: %v");
  logger->set_formatter(std::move(formatter));
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace jx::cli
