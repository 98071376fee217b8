# Replays TRACE by name, then from standard input ("-"), and passes when the two runs exit
# alike and print the same report, the trace's name aside.  A replay that read a pipe only
# once would see nothing the second time, and say "conforms" over 0 lines.
get_filename_component(dir ${TRACE} DIRECTORY)
execute_process(COMMAND ${PROGRAM} replay ${TRACE} RESULT_VARIABLE named_status
                OUTPUT_VARIABLE named ERROR_VARIABLE named_err WORKING_DIRECTORY ${dir})
execute_process(COMMAND ${PROGRAM} replay - INPUT_FILE ${TRACE} RESULT_VARIABLE piped_status
                OUTPUT_VARIABLE piped ERROR_VARIABLE piped_err WORKING_DIRECTORY ${dir})
string(REPLACE "${TRACE}" "-" named "${named}")
if(NOT named_status EQUAL piped_status)
  message(FATAL_ERROR "exit status ${piped_status} piped, ${named_status} by name: ${piped_err}")
endif()
if(NOT named STREQUAL piped)
  message(FATAL_ERROR "the reports differ.\n by name: ${named}\n piped: ${piped}")
endif()
if(named_status EQUAL 0 AND NOT piped MATCHES "conforms: [1-9]")
  message(FATAL_ERROR "no event matched: ${piped}")
endif()
