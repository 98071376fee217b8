# Writes long-line.trace (a line of more than 4 MiB, the reader's block) in the working
# directory, then runs run_error.cmake on it: too long to be a trace line.
string(REPEAT "x" 1048576 mib)
file(WRITE long-line.trace "# tracer: nop\n${mib}${mib}${mib}${mib}${mib}\n")
set(SUBCOMMAND replay)
set(INPUT long-line.trace)
include(${CMAKE_CURRENT_LIST_DIR}/../run_error.cmake)
