#!/usr/bin/env python3
"""rumbo timed from outside, on a real pseudo-terminal of 120 x 40, as a person would see it.

    benches/terminal.py [--starts N] [--rounds N] [--cold] [-- RUMBO ARGS...]

1. Start to first complete frame: from starting the release binary until the terminal has received
   the frame with the footer ("q salir", drawn last). N starts (default 30).
2. The search popup: in a new session, "/" and then the queries of benches/keystroke.rs typed one key
   at a time; each key is timed from writing it to the terminal until the terminal has received the
   end of the last frame it caused (the end of a synchronized update, ESC [ ? 2026 l). Rounds of all
   the queries (default 3).
3. Idle: CPU time rumbo takes, and bytes it writes, over 3 s in which nobody types.

Nothing polls: the parent blocks on the terminal, so measuring takes no CPU from rumbo. Without
--cold, a first untimed start writes the catalog and search-index cache, as any later start finds it.
Peak memory (VmHWM) of the process that typed is printed at the end, and of the first start (which
parsed the catalogs and wrote the cache) at the beginning.
"""
import fcntl
import os
import pty
import resource
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUMBO = os.path.join(ROOT, "target", "release", "rumbo")
FOOTER = b"q salir"
FRAME_END = b"\x1b[?2026l"
QUERIES = ["mantenimiento de equipos", "técnico en ventas", "atención al cliente", "soldadura",
           "auxiliar contable", "enfermería", "conductor de camión", "sena cocina", "hojas de cálculo",
           "inglés", "logística<<<ica", "diseño gráfico"]


class Rumbo:
    def __init__(self, args, env):
        self.start = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(RUMBO, [RUMBO] + args, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.seen = b""

    def read(self, timeout):
        """What the terminal received within `timeout` s (b"" if nothing), and when it arrived."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b"", None
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return b"", None
        at = time.perf_counter()
        if b"\x1b[6n" in chunk:  # a cursor-position query (crossterm): answer as a terminal would
            os.write(self.fd, b"\x1b[1;1R")
        self.seen += chunk
        return chunk, at

    def until(self, marker, limit=10):
        """Seconds from now until `marker` has arrived."""
        begin = time.perf_counter()
        while time.perf_counter() - begin < limit:
            if marker in self.seen:
                return time.perf_counter() - begin
            chunk, _ = self.read(0.5)
        sys.exit(f"terminal: {marker!r} never came; the screen ended with:\n"
                 + self.seen.decode(errors="replace")[-1500:])

    def settle(self, quiet=0.3):
        """Reads until nothing arrives for `quiet` s; forgets what was seen."""
        while self.read(quiet)[0]:
            pass
        self.seen = b""

    def send(self, data):
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def key(self, data, quiet=0.15):
        """Milliseconds from sending `data` to the end of the last frame it caused."""
        self.seen = b""
        sent = time.perf_counter()
        self.send(data)
        last = None
        while True:
            chunk, at = self.read(quiet if last else 5)
            if not chunk:
                break
            if FRAME_END in chunk:
                last = at
        if last is None:
            sys.exit(f"terminal: no frame after {data!r}")
        return (last - sent) * 1000

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_mb(self):
        with open(f"/proc/{self.pid}/status") as f:
            return int(next(line for line in f if line.startswith("VmHWM")).split()[1]) / 1024

    def kill(self):
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def stats(times):
    ordered = sorted(times)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return f"p50 {at(0.5):.1f} ms, p95 {at(0.95):.1f} ms, max {ordered[-1]:.1f} ms, best {ordered[0]:.1f} ms"


def main():
    argv = sys.argv[1:]
    args = []
    if "--" in argv:
        args, argv = argv[argv.index("--") + 1:], argv[:argv.index("--")]
    option = lambda name, default: int(argv[argv.index(name) + 1]) if name in argv else default
    starts, rounds, cold = option("--starts", 30), option("--rounds", 3), "--cold" in argv
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, LANG="es_CO.UTF-8", TERM="xterm-256color",
                   RUMBO_CONFIG_DIR=os.path.join(work, "config"), RUMBO_DATA_DIR=os.path.join(work, "data"),
                   RUMBO_CACHE_DIR="" if cold else os.path.join(work, "cache"))
        if not cold:
            first = Rumbo(args, env)
            first.until(FOOTER)
            time.sleep(1.5)  # the search index is cached by a thread after the first frame
            print(f"peak memory (VmHWM) of the first start, which parsed and wrote the cache: {first.peak_mb():.1f} MB")
            first.kill()
        times = []
        for _ in range(starts):
            rumbo = Rumbo(args, env)
            rumbo.until(FOOTER)
            times.append((time.perf_counter() - rumbo.start) * 1000)
            rumbo.kill()
            time.sleep(0.05)
        print(f"start to first frame: {stats(times)} ({starts} starts)")

        rumbo = Rumbo(args, env)
        rumbo.until(FOOTER)
        for key in ["n", "Persona de prueba", "\t", "Consejera", "\t", " ", "\r"]:
            rumbo.send(key)
            time.sleep(0.1)
        rumbo.settle()
        keys = []
        for _ in range(rounds):
            for query in QUERIES:
                rumbo.key("/")
                for c in query:
                    keys.append(rumbo.key("\x7f" if c == "<" else c))
                rumbo.key("\x1b")
        print(f"search popup, key to its last frame: {stats(keys)} ({len(keys)} keys)")

        rumbo.settle(0.5)
        before = rumbo.cpu_seconds()
        output, _ = rumbo.read(3)
        print(f"idle 3 s: {rumbo.cpu_seconds() - before:.2f} s of CPU, {len(output)} bytes written")
        print(f"peak memory (VmHWM) of the typing rumbo: {rumbo.peak_mb():.1f} MB")
        rumbo.kill()


if __name__ == "__main__":
    main()
