public import Foundation

/// Starts test processes so that they die with the test run, even when the run crashes or is killed.
///
/// The process is started through `sh`, which leaves a watcher behind and then `exec`s the command, so the
/// command keeps the process id (and receives the signals) the test sends. Foundation makes each child the leader
/// of its own process group; the watcher kills that whole group with SIGKILL once the test process is gone.
///
/// The watcher is a small Python program because it must close every descriptor it inherits at once: Foundation
/// learns that a child ended when the last copy of a pipe it gave the child closes, and a shell cannot close
/// descriptors it does not know by number.
public enum TiedProcess {
    static let watcher = """
        import os, signal, sys, time
        os.closerange(3, 1 << 16)
        test, target = int(sys.argv[1]), int(sys.argv[2])
        def alive(pid):
            try:
                os.kill(pid, 0)
                return True
            except ProcessLookupError:
                return False
            except PermissionError:
                return True
        while alive(test) and alive(target):
            time.sleep(0.5)
        if not alive(test):
            try:
                os.killpg(target, signal.SIGKILL)
            except OSError:
                pass
        """

    static let launcher = #"/usr/bin/python3 -c "$1" "$0" $$ </dev/null >/dev/null 2>&1 & shift; exec "$@""#

    /// Sets `process` to run `executable` with `arguments`, tied to the current (test) process.
    public static func configure(_ process: Process, executable: URL, arguments: [String]) {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments =
            ["-c", launcher, String(ProcessInfo.processInfo.processIdentifier), watcher, executable.path] + arguments
    }
}
