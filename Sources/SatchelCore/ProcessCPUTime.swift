import Foundation

/// The CPU time (user and system, all threads) this process has used so far, for measuring one part of a build.
struct ProcessCPUTime {
    let nanoseconds: Int64

    static var now: ProcessCPUTime {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return ProcessCPUTime(nanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    static func - (later: ProcessCPUTime, earlier: ProcessCPUTime) -> Duration {
        .nanoseconds(later.nanoseconds - earlier.nanoseconds)
    }
}
