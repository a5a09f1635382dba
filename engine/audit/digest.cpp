#include "audit/digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>

namespace jx::audit {

struct FilesDigest::Context {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

FilesDigest::FilesDigest() : context_(std::make_unique<Context>()) {
  EVP_DigestInit_ex(context_->ctx.get(), EVP_sha256(), nullptr);
}

FilesDigest::~FilesDigest() = default;

void FilesDigest::add(std::string_view content) {
  const std::string length = std::to_string(content.size()) + ":";
  EVP_DigestUpdate(context_->ctx.get(), length.data(), length.size());
  EVP_DigestUpdate(context_->ctx.get(), content.data(), content.size());
}

std::string FilesDigest::hex() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_DigestFinal_ex(context_->ctx.get(), digest.data(), &size);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

std::string sha256_of_files(const std::vector<std::string>& paths) {
  FilesDigest digest;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::string content;
    std::array<char, 65536> buffer{};
    while (in) {
      in.read(buffer.data(), buffer.size());
      content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    digest.add(content);
  }
  return digest.hex();
}

std::string sha256_of_text(const std::string& text) {
  FilesDigest digest;
  digest.add(text);
  return digest.hex();
}

}  // namespace jx::audit
