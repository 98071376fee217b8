# Runs PROGRAM with ARGS; passes when it exits STATUS and its output matches REGEX.
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${PROGRAM} ${args} RESULT_VARIABLE status OUTPUT_VARIABLE out)
if(NOT status EQUAL STATUS OR NOT out MATCHES "${REGEX}")
  message(FATAL_ERROR "exit status ${status} (expected ${STATUS}); output:\n${out}")
endif()
