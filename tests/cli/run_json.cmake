# `check --json` writes the verdict, a counterexample whose length matches its steps, and the
# version of pasidcheck that wrote it.
execute_process(COMMAND ${PROGRAM} check --quiet --json ${OUT} ${SPEC} RESULT_VARIABLE status)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "exit status ${status}, expected 1 (violated)")
endif()
file(READ ${OUT} text)
string(JSON verdict GET "${text}" verdict)
string(JSON length GET "${text}" counterexample length)
string(JSON steps LENGTH "${text}" counterexample steps)
string(JSON rule GET "${text}" counterexample steps 0 rule)
string(JSON states GET "${text}" statistics states)
string(JSON version GET "${text}" pasidcheck)
if(NOT verdict STREQUAL "violated" OR NOT length EQUAL steps OR NOT rule STREQUAL "open" OR states LESS 1
   OR NOT version STREQUAL VERSION)
  message(FATAL_ERROR "unexpected JSON: verdict ${verdict}, length ${length}, steps ${steps}, "
                      "first rule ${rule}, pasidcheck ${version} (expected ${VERSION})")
endif()
