// The error a stub throws until the student writes the exercise.
#pragma once

#include <stdexcept>
#include <string>

namespace wb {

// Thrown by every exercise stub; `exercise` is e.g. "13.2 conditional_score".
class NotImplemented : public std::logic_error {
public:
    explicit NotImplemented(const std::string& exercise)
        : std::logic_error("exercise " + exercise + " is not implemented yet (hint: ./workbook hint " +
                           exercise.substr(0, exercise.find(' ')) + ")"),
          exercise_(exercise) {}
    const std::string& exercise() const { return exercise_; }

private:
    std::string exercise_;
};

}  // namespace wb
