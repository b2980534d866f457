# wb_chapter_info(): called from chapters/NN_topic/CMakeLists.txt after wb_add_chapter().
# The chapter's number and title are written once, in the heading "# Chapter NN: Title"
# that opens its prose; this hands them to the chapter's code as WB_CHAPTER_NUMBER and
# WB_CHAPTER_TITLE, so `wb::Chapter ch;` needs neither. An edit of chapter.cpp
# re-reads the heading.
function(wb_chapter_info)
  get_filename_component(_dirname ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  wb_split_dirname(${_dirname} _nn _slug)
  set(_src ${CMAKE_CURRENT_SOURCE_DIR}/chapter.cpp)
  file(STRINGS ${_src} _head REGEX "^# Chapter [0-9][0-9]: " LIMIT_COUNT 1 ENCODING UTF-8)
  if(NOT _head MATCHES "^# Chapter ([0-9][0-9]): (.+)$")
    message(FATAL_ERROR "${_src}: the prose must open with the heading '# Chapter ${_nn}: Title'")
  endif()
  set(_num ${CMAKE_MATCH_1})
  string(STRIP "${CMAKE_MATCH_2}" _title)
  if(NOT _num STREQUAL _nn)
    message(FATAL_ERROR "${_src}: the heading says chapter ${_num} but the folder is ${_dirname}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_src})
  target_compile_definitions(ch${_nn}_obj PRIVATE WB_CHAPTER_NUMBER="${_nn}" WB_CHAPTER_TITLE="${_title}")
endfunction()
