# Prints an ftrace trace (the Linux 6.1 layout) of LINES lines that the model explains: a
# shell forks a child that execs, opens, maps and closes a regular file, starts a thread
# and exits with it, again and again; every fourth child opens an SVA device, maps its
# portal, takes the #GP fixup and submits.  About a quarter of the lines are about files
# and tasks outside the model.
#   awk -v LINES=10000000 -f bench/gen_trace.awk > trace
function line(comm, pid, flags, text) {
  us += 3
  printf "%16s-%-7d [%03d] %s %5d.%06d: %s\n", comm, pid, pid % 2, flags, us / 1000000, us % 1000000, text
  n++
}
function mm(k) { return sprintf("0xffff8881%08x", k * 64) }
BEGIN {
  us = 1000000; n = 0; next_mm = 1; shell_mm = next_mm++
  printf "# tracer: nop\n#\n#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n#              | |         |   |||||     |         |\n"
  for (i = 0; n < LINES; i++) {
    c = 1000 + (i * 2) % 4000000; t = c + 1
    fork_mm = next_mm++; exec_mm = next_mm++
    line("sh", 1, "...1.", "sys_clone(clone_flags: 1200011, newsp: 0, parent_tidptr: 0, child_tidptr: 7f10, tls: 0)")
    line("sh", 1, ".....", "task_newtask: pid=" c " comm=sh clone_flags=1200000 oom_score_adj=0")
    line("sh", 1, ".....", "sched_process_fork: comm=sh pid=1 child_comm=sh child_pid=" c)
    line("sh", c, "...1.", "sys_execve(filename: 4a2000, argv: 7ffd10, envp: 7ffd40)")
    line("sh", c, ".....", "exec_mm_release: (exec_mm_release+0x0/0x20) mm=" mm(fork_mm))
    line("sh", c, ".....", "mmput: (mmput+0x0/0x30) mm=" mm(fork_mm))
    line("sh", c, ".....", "__mmdrop: (__mmdrop+0x0/0x130) mm=" mm(fork_mm))
    line("wl", c, ".....", "sched_process_exec: filename=/bin/wl pid=" c " old_pid=" c)
    line("wl", c, "...1.", "sys_openat(dfd: ffffff9c, filename: 7ffd2000, flags: 0, mode: 0)")
    line("wl", c, "...1.", "sys_openat -> 0x3")
    line("wl", c, "...1.", "sys_mmap(addr: 0, len: 2000, prot: 1, flags: 2, fd: 3, off: 0)")
    line("wl", c, "...1.", "sys_mmap -> 0x7f5a73a8a000")
    line("wl", c, "...1.", "sys_close(fd: 3)")
    if (i % 4 == 0) {
      line("wl", c, "...1.", "sys_openat(dfd: ffffff9c, filename: 7ffd3000, flags: 2, mode: 0)")
      line("wl", c, ".....", "iommu_sva_bind_device: (iommu_sva_bind_device+0x0/0x1b0) dev=0xffff888110a2c0c8 mm=" mm(exec_mm))
      line("wl", c, ".....", "iommu_sva_get_pasid: (idxd_cdev_open+0x1a5/0x3f0 <- iommu_sva_get_pasid) pasid=0x" sprintf("%x", 1 + i % 1000))
      line("wl", c, "...1.", "sys_openat -> 0x4")
      line("wl", c, "...1.", "sys_mmap(addr: 0, len: 1000, prot: 3, flags: 1, fd: 4, off: 0)")
      line("wl", c, "...1.", "sys_mmap -> 0x7f5a70000000")
      line("wl", c, "d....", "write_msr: d93, value " sprintf("%x", 2147483648 + 1 + i % 1000))
      line("wl", c, ".....", "tracing_mark_write: enqcmd")
    }
    line("wl", c, "...1.", "sys_clone3(uargs: 7ffc06ed3c60, size: 58)")
    line("wl", c, ".....", "task_newtask: pid=" t " comm=wl clone_flags=3d0f00 oom_score_adj=0")
    line("wl", c, ".....", "sched_process_fork: comm=wl pid=" c " child_comm=wl child_pid=" t)
    line("wl", t, "...1.", "sys_exit(error_code: 0)")
    line("wl", t, ".....", "exit_mm_release: (exit_mm_release+0x0/0x20) mm=" mm(exec_mm))
    line("wl", t, ".....", "mmput: (mmput+0x0/0x30) mm=" mm(exec_mm))
    line("wl", t, ".....", "sched_process_exit: comm=wl pid=" t " prio=120")
    line("wl", c, "...1.", "sys_munmap(addr: 7f5a73a8a000, len: 2000)")
    line("wl", c, "...1.", "sys_exit_group(error_code: 0)")
    line("wl", c, ".....", "exit_mm_release: (exit_mm_release+0x0/0x20) mm=" mm(exec_mm))
    line("wl", c, ".....", "mmput: (mmput+0x0/0x30) mm=" mm(exec_mm))
    line("wl", c, ".....", "sched_process_exit: comm=wl pid=" c " prio=120")
    if (i % 4 == 0) {
      line("wl", c, ".....", "iommu_sva_unbind_device: (iommu_sva_unbind_device+0x0/0x90) handle=0xffff888104f0a000")
      line("wl", c, ".....", "__mmdrop: (__mmdrop+0x0/0x130) mm=" mm(exec_mm))
      line("wl", c, ".....", "ioasid_free: (ioasid_free+0x0/0x60) ioasid=0x" sprintf("%x", 1 + i % 1000))
    } else {
      line("sh", 1, "d..2.", "__mmdrop: (__mmdrop+0x0/0x130) mm=" mm(exec_mm))
    }
  }
}
