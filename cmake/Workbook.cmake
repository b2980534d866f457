# Build rules shared by every chapter and exercise.
#
# Conventions (see README, "How the tree fits together"):
#   exercises/NN_slug/X_test.cpp  the tests of exercise X (hand-written, shared)
#   exercises/NN_slug/X.cpp       the student's file (generated from solutions/)
#   solutions/NN_slug/X.cpp       the reference code, with SOLUTION markers
#   exercises/NN_slug/*.hpp       the chapter's exercise API (hand-written, shared)
# Each exercise is its own library and test executable, so a broken exercise never
# stops another from building.
#
# Mutants (plausible wrong solutions marked in solutions/, see tools/wbtools/markers.py)
# are written into ${CMAKE_BINARY_DIR}/mutants/ at configure time; each is one more
# library and test executable linked to the same compiled tests, outside `all` (the
# target `mutants` builds them, `mutantsNN` one chapter's; so does the CTest fixture
# `chNN.mutants.build`, so `ctest -L chNN` builds only that chapter's mutants).

set(WB_SOLUTIONS_DIR ${CMAKE_SOURCE_DIR}/solutions)
set(WB_EXERCISES_DIR ${CMAKE_SOURCE_DIR}/exercises)

# Precompiled headers. Parsing xtensor, xtensor-blas and GoogleTest costs about 3 s of
# every translation unit (a solution file compiles in 0.4 s with them precompiled, 2.9 s
# without), so two header sets are compiled once per build and reused by every chapter,
# exercise, mutant and probe target: wb_pch for libraries, wb_pch_test for test
# sources (GoogleTest's macros differ). Only third-party and standard headers go in:
# the workbook's own headers change too often and use per-target macros.
# -DWB_PCH=OFF turns them off (e.g. to find a missing #include).
option(WB_PCH "Precompile the third-party headers" ON)
set(WB_PCH_HEADERS <algorithm> <cmath> <cstddef> <cstdint> <functional> <memory> <span> <string>
  <string_view> <vector> <xtensor/xtensor.hpp> <xtensor/xarray.hpp> <xtensor/xview.hpp>
  <xtensor/xmath.hpp> <xtensor-blas/xlinalg.hpp> <fmt/format.h>)

# Called before the library (CMakeLists.txt) and again by wb_discover_exercises, for
# trees that use only the exercise rules (the tools' fixtures); it sets up once.
function(wb_setup_pch)
  if(NOT WB_PCH OR TARGET wb_pch)
    return()
  endif()
  file(WRITE ${CMAKE_BINARY_DIR}/wb_pch.cpp "// The translation unit that builds the precompiled headers.\n")
  # Third-party usage requirements only (those this tree has), so wb_common itself can
  # reuse wb_pch.
  add_library(wb_pch OBJECT ${CMAKE_BINARY_DIR}/wb_pch.cpp)
  target_link_libraries(wb_pch PRIVATE wb_flags)
  foreach(_dep xtensor xtensor-blas fmt::fmt)
    if(TARGET ${_dep})
      target_link_libraries(wb_pch PRIVATE ${_dep})
    endif()
  endforeach()
  target_compile_definitions(wb_pch PRIVATE XTENSOR_USE_FLENS_BLAS=0)
  target_precompile_headers(wb_pch PRIVATE ${WB_PCH_HEADERS})
  add_library(wb_pch_test OBJECT ${CMAKE_BINARY_DIR}/wb_pch.cpp)
  target_link_libraries(wb_pch_test PRIVATE wb_common GTest::gtest wb_flags)
  target_precompile_headers(wb_pch_test PRIVATE ${WB_PCH_HEADERS} <gtest/gtest.h>)
  wb_test_code(wb_pch_test)
endfunction()

# Test code (tests, probes, mutants, the library's command line and files) compiles
# at -Og in Release: it runs for seconds, and -Og compiles it about 40% faster than
# the -O3 that the code under test keeps. Without -ffast-math every level computes the
# same bits. -Og defines __OPTIMIZE__ like -O3, so the precompiled headers still fit.
set(WB_TEST_OPT $<$<CONFIG:Release>:-Og>)
function(wb_test_code target)
  target_compile_options(${target} PRIVATE ${WB_TEST_OPT})
endfunction()

# The literate chapter sources, the reference solutions and the student's files compile
# at -O2, about 17% faster than at -O3 (ch09's chapter.cpp: 15.7 s against 19.0 s); their
# runs change by at most about 0.2 s. The library's numerics and the chapters' model.cpp
# files keep -O3. Every level computes the same bits (see above).
set(WB_LITERATE_OPT $<$<CONFIG:Release>:-O2>)
function(wb_literate_code target)
  target_compile_options(${target} PRIVATE ${WB_LITERATE_OPT})
endfunction()

# Lets each target use one of the header sets above (kind: lib or test).
function(wb_use_pch target kind)
  if(NOT WB_PCH)
    return()
  endif()
  if(kind STREQUAL "test")
    target_precompile_headers(${target} REUSE_FROM wb_pch_test)
  else()
    target_precompile_headers(${target} REUSE_FROM wb_pch)
  endif()
endfunction()

# Splits "13_ou_scores" into NN=13 and SLUG=ou_scores.
function(wb_split_dirname dirname out_nn out_slug)
  string(REGEX MATCH "^([0-9][0-9])_(.+)$" _m "${dirname}")
  if(NOT _m)
    message(FATAL_ERROR "chapter folder '${dirname}' must be named NN_topic")
  endif()
  set(${out_nn} ${CMAKE_MATCH_1} PARENT_SCOPE)
  set(${out_slug} ${CMAKE_MATCH_2} PARENT_SCOPE)
endfunction()

# Writes the mutant sources and includes the list of mutants per exercise
# (WB_MUTANTS_<NN>_<X>); none without solutions/ (a student edition) or Python.
function(wb_write_mutants)
  if(NOT EXISTS ${WB_SOLUTIONS_DIR})
    return()
  endif()
  find_package(Python3 COMPONENTS Interpreter QUIET)
  if(NOT Python3_Interpreter_FOUND)
    message(WARNING "no python3: the exercises' mutants are not built")
    return()
  endif()
  # Editing a solution or the marker compiler re-runs this.
  file(GLOB_RECURSE _sources ${WB_SOLUTIONS_DIR}/*.cpp)
  set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_sources}
    ${CMAKE_SOURCE_DIR}/tools/wbtools/markers.py ${CMAKE_SOURCE_DIR}/tools/wbtools/mutants.py
    ${CMAKE_SOURCE_DIR}/tools/wbtools/exgen.py ${CMAKE_SOURCE_DIR}/tools/wbtools/common.py)
  execute_process(COMMAND ${Python3_EXECUTABLE} -B -m wbtools.mutants ${CMAKE_BINARY_DIR}/mutants
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tools RESULT_VARIABLE _rc ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(WARNING "writing the mutants failed: ${_err}")
    return()
  endif()
  if(_err)
    message(WARNING "mutant markers (these exercises get no mutants; see ./workbook generate):\n${_err}")
  endif()
  include(${CMAKE_BINARY_DIR}/mutants/mutants.cmake)
  # Hand the lists to the caller's scope.
  get_cmake_property(_vars VARIABLES)
  foreach(_v IN LISTS _vars)
    if(_v MATCHES "^WB_MUTANTS_")
      set(${_v} "${${_v}}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

function(wb_discover_exercises)
  file(GLOB _tests CONFIGURE_DEPENDS ${WB_EXERCISES_DIR}/*/*_test.cpp)
  list(SORT _tests)
  wb_write_mutants()
  wb_setup_pch()
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
    wb_use_pch(ex${_nn}_${_x}_tests test)
    wb_test_code(ex${_nn}_${_x}_tests)

    # The student's implementation and its test executable.
    add_library(ex${_nn}_${_x} STATIC ${_stu})
    target_include_directories(ex${_nn}_${_x} PUBLIC ${_dir})
    target_link_libraries(ex${_nn}_${_x} PUBLIC wb_common PRIVATE wb_flags)
    wb_use_pch(ex${_nn}_${_x} lib)
    wb_literate_code(ex${_nn}_${_x})
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
      wb_use_pch(sol${_nn}_${_x} lib)
      wb_literate_code(sol${_nn}_${_x})
      add_executable(test_sol${_nn}_${_x} $<TARGET_OBJECTS:ex${_nn}_${_x}_tests>)
      target_link_libraries(test_sol${_nn}_${_x} PRIVATE sol${_nn}_${_x} wb_gtest_main wb_flags)
      set_property(GLOBAL APPEND PROPERTY WB_SOL_${_nn} sol${_nn}_${_x})
      set_property(GLOBAL APPEND PROPERTY WB_ALL_SOLUTION_TESTS test_sol${_nn}_${_x})
      add_test(NAME ex${_nn}.${_x}.solution_passes COMMAND test_sol${_nn}_${_x})
      set_tests_properties(ex${_nn}.${_x}.solution_passes PROPERTIES
        LABELS "exercises;ch${_nn}" TIMEOUT 120)

      # Each mutant must fail at least one test: a mutant that passes them all is a
      # hole in the tests.
      foreach(_m IN LISTS WB_MUTANTS_${_nn}_${_x})
        set(_mut mut${_nn}_${_x}_${_m})
        add_library(${_mut} STATIC EXCLUDE_FROM_ALL ${CMAKE_BINARY_DIR}/mutants/${_dirname}/${_x}.${_m}.cpp)
        target_include_directories(${_mut} PUBLIC ${_dir} PRIVATE ${WB_SOLUTIONS_DIR}/${_dirname})
        target_link_libraries(${_mut} PUBLIC wb_common PRIVATE wb_flags)
        wb_use_pch(${_mut} lib)
        wb_test_code(${_mut})
        target_compile_options(${_mut} PRIVATE -Wno-unused-parameter -Wno-unused-variable
          -Wno-unused-but-set-variable -Wno-unused-function)
        add_executable(test_${_mut} EXCLUDE_FROM_ALL $<TARGET_OBJECTS:ex${_nn}_${_x}_tests>)
        target_link_libraries(test_${_mut} PRIVATE ${_mut} wb_gtest_main wb_flags)
        set_property(GLOBAL APPEND PROPERTY WB_ALL_MUTANT_TESTS test_${_mut})
        set_property(GLOBAL APPEND PROPERTY WB_MUTANT_TESTS_${_nn} test_${_mut})
        set_property(GLOBAL APPEND PROPERTY WB_MUTANT_CHAPTERS ${_nn})
        add_test(NAME ex${_nn}.${_x}.mutant.${_m} COMMAND test_${_mut} --expect-a-failure)
        set_tests_properties(ex${_nn}.${_x}.mutant.${_m} PROPERTIES
          LABELS "mutants;ch${_nn}" TIMEOUT 120 FIXTURES_REQUIRED wb_mutants_built_${_nn})
      endforeach()
    endif()
  endforeach()
  get_property(_all GLOBAL PROPERTY WB_ALL_STUDENT_TESTS)
  add_custom_target(student_tests DEPENDS ${_all})
  get_property(_mutants GLOBAL PROPERTY WB_ALL_MUTANT_TESTS)
  add_custom_target(mutants DEPENDS ${_mutants})
  # Mutants are not in `all` (students never wait for them): ctest builds a chapter's
  # first. The builds share one build tree, so they take turns (RESOURCE_LOCK).
  get_property(_chapters GLOBAL PROPERTY WB_MUTANT_CHAPTERS)
  list(REMOVE_DUPLICATES _chapters)
  foreach(_nn IN LISTS _chapters)
    get_property(_m GLOBAL PROPERTY WB_MUTANT_TESTS_${_nn})
    add_custom_target(mutants${_nn} DEPENDS ${_m})
    add_test(NAME ch${_nn}.mutants.build COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target mutants${_nn})
    set_tests_properties(ch${_nn}.mutants.build PROPERTIES LABELS "mutants;ch${_nn}" TIMEOUT 1800
      FIXTURES_SETUP wb_mutants_built_${_nn} RESOURCE_LOCK wb_build_tree)
  endforeach()
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
  wb_use_pch(ch${_nn}_obj lib)
  set_source_files_properties(chapter.cpp PROPERTIES COMPILE_OPTIONS "${WB_LITERATE_OPT}")

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
