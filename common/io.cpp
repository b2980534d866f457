#include "wb/io.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace wb {

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
    namespace fs = std::filesystem;
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    const fs::path tmp = path.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(tmp);
            throw std::runtime_error("failed writing " + tmp.string());
        }
    }
    fs::rename(tmp, path);
}

std::string shell_quote(std::string_view s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
}

bool have_program(const std::string& name) {
    const std::string cmd = "command -v " + shell_quote(name) + " >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

}  // namespace wb
