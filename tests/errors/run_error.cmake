# Runs PROGRAM SUBCOMMAND INPUT (SUBCOMMAND defaults to check; INPUT: the file and any options),
# with STDIN, when given, as its standard input; passes when it exits 2 and its stderr is
# exactly EXPECT's text.
separate_arguments(args UNIX_COMMAND "${INPUT}")
if(NOT SUBCOMMAND)
  set(SUBCOMMAND check)
endif()
if(NOT STDIN)
  set(STDIN /dev/null)
endif()
execute_process(COMMAND ${PROGRAM} ${SUBCOMMAND} ${args} INPUT_FILE ${STDIN} RESULT_VARIABLE status
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${EXPECT} want)
if(NOT status EQUAL 2)
  message(FATAL_ERROR "exit status ${status}, expected 2; stderr: ${err}")
endif()
if(NOT err STREQUAL want)
  message(FATAL_ERROR "stderr differs.\n got: ${err}\nwant: ${want}")
endif()
