#pragma once
// Bad user input: one error type that carries where it is.  Libraries throw it; the CLI
// catches it once and prints `file:line:col: error: message`.

#include <stdexcept>
#include <string>

namespace pasid {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, int col, const std::string& message)
      : std::runtime_error(message), file_(std::move(file)), line_(line), col_(col) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int col() const { return col_; }

  /// "file:line:col: error: message" (line and col omitted when 0).
  std::string formatted() const {
    std::string s = file_;
    if (line_ > 0) s += ":" + std::to_string(line_) + ":" + std::to_string(col_);
    return s + ": error: " + what();
  }

 private:
  std::string file_;
  int line_;
  int col_;
};

}  // namespace pasid
