# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers shared by every CMakeLists.txt in the project.

# Warnings on, and errors in project code (never in Qt's headers, which are SYSTEM).
function(pos_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
        -Wnull-dereference -Wimplicit-fallthrough -Werror)
endfunction()

# Record sources whose strings lupdate must scan (see translations/CMakeLists.txt).
function(pos_translatable)
    foreach(src IN LISTS ARGN)
        get_filename_component(abs ${src} ABSOLUTE)
        set_property(GLOBAL APPEND PROPERTY POS_TRANSLATABLE_SOURCES ${abs})
    endforeach()
endfunction()

# pos_add_library(name SOURCES ... LINKS ...): a static library of project code.
function(pos_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARG_LINKS})
    pos_set_warnings(${name})
    file(GLOB_RECURSE headers ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
    pos_translatable(${ARG_SOURCES} ${headers})
endfunction()

# pos_add_test(tst_name LABEL unit|db|http|gui|e2e [SOURCES ...] LINKS ... [RUN_WITH cmd...])
# One executable per test, registered with ctest under its label. RUN_WITH prefixes the
# command (a wrapper that provides a D-Bus session, say).
function(pos_add_test name)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "SOURCES;LINKS;RUN_WITH" ${ARGN})
    set(allowed unit db http gui e2e)
    if(NOT ARG_LABEL IN_LIST allowed)
        message(FATAL_ERROR "pos_add_test(${name}): LABEL must be one of ${allowed}")
    endif()
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test pos_testsupport ${ARG_LINKS})
    pos_set_warnings(${name})
    add_test(NAME ${name} COMMAND ${ARG_RUN_WITH} $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;POS_TEST_OUTPUT=${CMAKE_BINARY_DIR}/test-output")
endfunction()
