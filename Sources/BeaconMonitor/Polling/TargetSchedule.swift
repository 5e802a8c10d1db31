/// A min-heap of targets by due time, on the poller's monotonic clock.
struct TargetSchedule {
    private var heap: [(due: UInt64, target: ScheduledTarget)] = []

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var first: (due: UInt64, target: ScheduledTarget)? { heap.first }

    mutating func push(_ target: ScheduledTarget) {
        heap.append((target.nextDue, target))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].due < heap[parent].due else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest target if it is due at `now`, or at most `early(target)` nanoseconds later.
    mutating func popDue(at now: UInt64, early: (ScheduledTarget) -> UInt64 = { _ in 0 }) -> ScheduledTarget? {
        guard let first = heap.first, first.due <= now || first.due - now <= early(first.target) else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first.target }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].due < heap[smallest].due { smallest = left }
            if right < heap.count, heap[right].due < heap[smallest].due { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first.target
    }

    mutating func removeAll() { heap.removeAll() }
}
