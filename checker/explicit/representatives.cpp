#include "representatives.hpp"

#include <cstring>

#include "state_table.hpp"

namespace pasid {

Representatives::Representatives(std::size_t width, std::size_t bytes)
    : w_(width), stride_(4 + 2 * width) {
  std::size_t places = 256;
  while (places * 2 * stride_ <= bytes) places *= 2;
  mask_ = places - 1;
  places_.assign(places * stride_, 0);
}

std::uint64_t Representatives::key(const std::uint8_t* raw) const {
  return hash_packed(raw, w_, 0x6a09e667f3bcc909ull);
}

const std::uint8_t* Representatives::find(const std::uint8_t* raw, std::uint64_t h) const {
  ++lookups_;
  const std::uint8_t* p = place(h);
  std::uint32_t t;
  std::memcpy(&t, p, 4);
  if (t != tag(h) || std::memcmp(p + 4, raw, w_) != 0) return nullptr;
  ++hits_;
  return p + 4 + w_;
}

void Representatives::keep(const std::uint8_t* raw, std::uint64_t h, const std::uint8_t* rep) {
  std::uint8_t* p = place(h);
  const std::uint32_t t = tag(h);
  std::memcpy(p, &t, 4);
  std::memcpy(p + 4, raw, w_);
  std::memcpy(p + 4 + w_, rep, w_);
}

}  // namespace pasid
