/// What a reader may find in the collection, counted by library, collection type and language
/// (the home page's overview and the search filters' choices).
public struct CollectionOverview: Sendable, Equatable {
    /// Items and pages under one key.
    public struct Count: Sendable, Equatable {
        /// A library code, a collection type or a language code (`""` when the item has none).
        public var key: String
        public var items: Int
        public var pages: Int

        public init(key: String, items: Int, pages: Int) {
            self.key = key
            self.items = items
            self.pages = pages
        }
    }

    public var libraries: [Count]
    public var types: [Count]
    public var languages: [Count]

    public init(libraries: [Count], types: [Count], languages: [Count]) {
        self.libraries = libraries
        self.types = types
        self.languages = languages
    }

    /// Items in all.
    public var items: Int { libraries.reduce(0) { $0 + $1.items } }
    /// Pages in all.
    public var pages: Int { libraries.reduce(0) { $0 + $1.pages } }
}
