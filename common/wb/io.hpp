// File output that never leaves a half-written file behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace wb {

// Writes `content` to a temporary file beside `path`, then renames it into place.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);
// Quotes a string for /bin/sh.
std::string shell_quote(std::string_view s);
// True when `name` is an executable on PATH.
bool have_program(const std::string& name);

}  // namespace wb
