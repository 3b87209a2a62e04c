import Foundation

/// A list element whose rendering can be kept and reused: a value type whose equal values render the same
/// (the listing's cards, the comparison table's rows). A render with `TemplateFragments` does the rest.
public protocol TemplateFragment: TemplateContext, Equatable {
    /// Names the element among those its section renders (say, the URL of the page a card links to). The
    /// kept output of the element of the same key is used only when the two elements are equal; a key
    /// that repeats costs reuse, not correctness.
    var fragmentKey: String { get }
}

extension TemplateFragment {
    fileprivate func isEqual(to other: any TemplateFragment) -> Bool {
        (other as? Self) == self
    }
}

/// The rendered output of list elements that are `TemplateFragment`s, by the section that rendered them
/// and the element's key, kept with the element between renders of one library (`LiveSite` keeps one, so
/// that an update renders again only the listing cards and comparison rows that changed).
///
/// An element's output also depends on the names its section looked up outside it (a card's `{{#comparable}}`
/// answered by the page): each entry records those names with the values they had, and is reused only where
/// they still have them. A name that led outside to a context or a list, which cannot be compared cheaply,
/// leaves the element unrecorded.
public final class TemplateFragments: @unchecked Sendable {
    /// Entries in shards of their own lock: the pages of a render look elements up from every core at once.
    private let shards: [Shard]
    /// Beyond this many entries in a shard the shard starts afresh. Elements are kept by key, a new version
    /// in place of the old, so a site keeps about two per page (its card and its row): this only bounds
    /// what keys that come and go could leave behind.
    private let limit: Int

    private final class Shard: @unchecked Sendable {
        // @unchecked: every access goes through `lock`.
        let lock = NSLock()
        var entries: [Key: Entry] = [:]
    }

    public init(limit: Int = 2_000_000) {
        shards = (0..<16).map { _ in Shard() }
        self.limit = limit / 16
    }

    struct Key: Hashable {
        var section: Int
        var indentation: String
        var fragment: String
    }

    /// A value looked up outside the element, as far as it decides the output.
    enum Fingerprint: Hashable {
        case missing, null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)

        /// Nil for a context or a list.
        init?(_ value: TemplateValue) {
            switch value {
            case .missing: self = .missing
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .int(number)
            case .double(let number): self = .double(number)
            case .string(let text): self = .string(text)
            case .context, .list: return nil
            }
        }
    }

    struct Entry {
        var element: any TemplateFragment
        var output: String
        var outside: [(name: String, value: Fingerprint)]
    }

    /// How many elements are kept.
    public var count: Int {
        shards.reduce(0) { count, shard in count + shard.lock.withLock { shard.entries.count } }
    }

    private func shard(of key: Key) -> Shard {
        shards[Int(UInt(bitPattern: key.fragment.hashValue) % UInt(shards.count))]
    }

    /// The kept entry of `key`, if it was made for an element equal to `element`.
    func entry(_ key: Key, for element: any TemplateFragment) -> Entry? {
        let shard = shard(of: key)
        guard let entry = shard.lock.withLock({ shard.entries[key] }), element.isEqual(to: entry.element) else { return nil }
        return entry
    }

    func record(_ entry: Entry, for key: Key) {
        let shard = shard(of: key)
        shard.lock.withLock {
            if shard.entries.count >= limit { shard.entries.removeAll(keepingCapacity: true) }
            shard.entries[key] = entry
        }
    }
}
