# `replay --json` then `show`: a violating trace's counterexample is saved as `check --json`
# saves one, and `show` replays it (the README: "`show` reads the JSON back").
execute_process(COMMAND ${PROGRAM} replay --quiet --expect --json ${OUT} ${TRACE}
                RESULT_VARIABLE status OUTPUT_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "replay: exit status ${status}; output: ${out}")
endif()
execute_process(COMMAND ${PROGRAM} show ${OUT} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out MATCHES "${REGEX}")
  message(FATAL_ERROR "show: exit status ${status}; output: ${out}${err}")
endif()
