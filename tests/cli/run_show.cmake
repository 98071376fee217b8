# `check --json` then `show`: the saved counterexample replays and draws; a bad file is
# refused with its one-line message and exit status 2.
execute_process(COMMAND ${PROGRAM} check --quiet --json ${OUT}.json ${SPEC} RESULT_VARIABLE status)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "check: exit status ${status}, expected 1")
endif()
execute_process(COMMAND ${PROGRAM} show ${OUT}.json --dot ${OUT}.dot RESULT_VARIABLE status
                OUTPUT_VARIABLE out)
file(READ ${OUT}.dot dot)
if(NOT status EQUAL 0 OR NOT out MATCHES "counterexample: 4 steps" OR NOT dot MATCHES "^digraph")
  message(FATAL_ERROR "show: exit status ${status}; output: ${out}")
endif()
execute_process(COMMAND ${PROGRAM} show ${BAD} RESULT_VARIABLE status ERROR_VARIABLE err
                WORKING_DIRECTORY ${BAD_DIR})
file(READ ${BAD_EXPECT} want)
if(NOT status EQUAL 2 OR NOT err STREQUAL want)
  message(FATAL_ERROR "show of a bad file: exit status ${status}, stderr: ${err}")
endif()
