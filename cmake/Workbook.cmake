# Build rules shared by every chapter and exercise.
#
# Conventions (see README, "How the tree fits together"):
#   exercises/NN_slug/X_test.cpp  the tests of exercise X (hand-written, shared)
#   exercises/NN_slug/X.cpp       the student's file (generated from solutions/)
#   solutions/NN_slug/X.cpp       the reference code, with SOLUTION markers
#   exercises/NN_slug/*.hpp       the chapter's exercise API (hand-written, shared)
# Each exercise is its own library and test executable, so a broken exercise never
# stops another from building.

set(WB_SOLUTIONS_DIR ${CMAKE_SOURCE_DIR}/solutions)
set(WB_EXERCISES_DIR ${CMAKE_SOURCE_DIR}/exercises)

# Splits "13_ou_scores" into NN=13 and SLUG=ou_scores.
function(wb_split_dirname dirname out_nn out_slug)
  string(REGEX MATCH "^([0-9][0-9])_(.+)$" _m "${dirname}")
  if(NOT _m)
    message(FATAL_ERROR "chapter folder '${dirname}' must be named NN_topic")
  endif()
  set(${out_nn} ${CMAKE_MATCH_1} PARENT_SCOPE)
  set(${out_slug} ${CMAKE_MATCH_2} PARENT_SCOPE)
endfunction()

function(wb_discover_exercises)
  file(GLOB _tests CONFIGURE_DEPENDS ${WB_EXERCISES_DIR}/*/*_test.cpp)
  list(SORT _tests)
  foreach(_test IN LISTS _tests)
    get_filename_component(_dir ${_test} DIRECTORY)
    get_filename_component(_dirname ${_dir} NAME)
    get_filename_component(_file ${_test} NAME_WE)
    string(REGEX REPLACE "_test$" "" _x ${_file})
    wb_split_dirname(${_dirname} _nn _slug)
    set(_stu ${_dir}/${_x}.cpp)
    set(_sol ${WB_SOLUTIONS_DIR}/${_dirname}/${_x}.cpp)
    if(NOT EXISTS ${_stu})
      # One missing exercise must not stop every other from building.
      message(WARNING "${_test} has no exercise file ${_stu}: skipped (run ./workbook generate)")
      continue()
    endif()

    # The tests, compiled once and linked against either implementation.
    add_library(ex${_nn}_${_x}_tests OBJECT ${_test})
    target_include_directories(ex${_nn}_${_x}_tests PRIVATE ${_dir})
    target_link_libraries(ex${_nn}_${_x}_tests PRIVATE wb_common GTest::gtest wb_flags)

    # The student's implementation and its test executable.
    add_library(ex${_nn}_${_x} STATIC ${_stu})
    target_include_directories(ex${_nn}_${_x} PUBLIC ${_dir})
    target_link_libraries(ex${_nn}_${_x} PUBLIC wb_common PRIVATE wb_flags)
    # A stub ignores its arguments until the student writes the body.
    target_compile_options(ex${_nn}_${_x} PRIVATE -Wno-unused-parameter -Wno-unused-variable
      -Wno-unused-but-set-variable -Wno-unused-function)
    add_executable(test_ex${_nn}_${_x} $<TARGET_OBJECTS:ex${_nn}_${_x}_tests>)
    target_link_libraries(test_ex${_nn}_${_x} PRIVATE ex${_nn}_${_x} wb_gtest_main wb_flags)
    set_property(GLOBAL APPEND PROPERTY WB_EX_${_nn} ex${_nn}_${_x})
    set_property(GLOBAL APPEND PROPERTY WB_ALL_STUDENT_TESTS test_ex${_nn}_${_x})

    # Every test must fail against the stub: an exercise whose test passes on its
    # stub checks nothing.
    add_test(NAME ex${_nn}.${_x}.stub_fails
             COMMAND test_ex${_nn}_${_x} --expect-all-fail)
    set_tests_properties(ex${_nn}.${_x}.stub_fails PROPERTIES
      LABELS "exercises;ch${_nn}" TIMEOUT 120)

    if(EXISTS ${_sol})
      add_library(sol${_nn}_${_x} STATIC ${_sol})
      target_include_directories(sol${_nn}_${_x} PUBLIC ${_dir})
      target_link_libraries(sol${_nn}_${_x} PUBLIC wb_common PRIVATE wb_flags)
      add_executable(test_sol${_nn}_${_x} $<TARGET_OBJECTS:ex${_nn}_${_x}_tests>)
      target_link_libraries(test_sol${_nn}_${_x} PRIVATE sol${_nn}_${_x} wb_gtest_main wb_flags)
      set_property(GLOBAL APPEND PROPERTY WB_SOL_${_nn} sol${_nn}_${_x})
      add_test(NAME ex${_nn}.${_x}.solution_passes COMMAND test_sol${_nn}_${_x})
      set_tests_properties(ex${_nn}.${_x}.solution_passes PROPERTIES
        LABELS "exercises;ch${_nn}" TIMEOUT 120)
    endif()
  endforeach()
  get_property(_all GLOBAL PROPERTY WB_ALL_STUDENT_TESTS)
  add_custom_target(student_tests DEPENDS ${_all})
endfunction()

# Called from chapters/NN_slug/CMakeLists.txt. Builds:
#   chNN          the chapter on the reference solutions (student code when there
#                 are no solutions, as in the student edition)
#   chNN_student  the chapter on the student's exercises
# and registers the quick run of its checks as a test.
function(wb_add_chapter)
  get_filename_component(_dirname ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  wb_split_dirname(${_dirname} _nn _slug)
  add_library(ch${_nn}_obj OBJECT chapter.cpp ${ARGN})
  target_link_libraries(ch${_nn}_obj PRIVATE wb_common wb_flags)
  target_include_directories(ch${_nn}_obj PRIVATE ${WB_EXERCISES_DIR}/${_dirname})
  target_compile_definitions(ch${_nn}_obj PRIVATE WB_CHAPTER_DIR="${_dirname}")

  get_property(_ex GLOBAL PROPERTY WB_EX_${_nn})
  get_property(_sol GLOBAL PROPERTY WB_SOL_${_nn})
  if(NOT _sol)
    set(_sol ${_ex})
  endif()
  add_executable(ch${_nn} $<TARGET_OBJECTS:ch${_nn}_obj>)
  target_link_libraries(ch${_nn} PRIVATE ${_sol} wb_common wb_flags)
  add_executable(ch${_nn}_student $<TARGET_OBJECTS:ch${_nn}_obj>)
  target_link_libraries(ch${_nn}_student PRIVATE ${_ex} wb_common wb_flags)
  set_property(GLOBAL APPEND PROPERTY WB_CHAPTERS ch${_nn})

  add_test(NAME ch${_nn}.checks.quick
           COMMAND ch${_nn} --quick --out ${CMAKE_BINARY_DIR}/test-figures/${_dirname})
  set_tests_properties(ch${_nn}.checks.quick PROPERTIES LABELS "checks;ch${_nn}" TIMEOUT 300)
endfunction()
