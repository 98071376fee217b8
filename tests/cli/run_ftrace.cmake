# Runs PROGRAM check --ftrace OUT SPEC; passes when OUT has exactly WANT's text.
execute_process(COMMAND ${PROGRAM} check --quiet --ftrace ${OUT} ${SPEC} RESULT_VARIABLE status)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "check exited ${status}, expected 1 (violated)")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${WANT} RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "${OUT} differs from ${WANT}: run traces/synthetic/generate.sh")
endif()
