import Foundation

/// `sohoa metadata import`: reads a metadata CSV, lists every change it makes per item and field,
/// and writes one version per changed item. Bad rows (an unknown item, a bad date, unknown rights
/// or access) are named with their line and column; none is written while any row is bad, unless
/// the bad rows are skipped.
public struct MetadataImport: Sendable {
    public let editor: MetadataEditor

    /// An import into `editor`'s archive.
    public init(editor: MetadataEditor) {
        self.editor = editor
    }

    /// What importing `text` would change; nothing is written.
    public func plan(_ text: String) throws(MetadataCSVProblem) -> MetadataImportPlan {
        let rows = try MetadataCSV.rows(text)
        let itemColumn = MetadataCSV.itemColumn(text)
        var plan = MetadataImportPlan()
        var seen: [String: Int] = [:]
        for row in rows {
            if let first = seen[row.itemID] {
                plan.problems.append(.init(line: row.line, column: itemColumn, message: "item '\(row.itemID)' is already on line \(first)"))
                continue
            }
            seen[row.itemID] = row.line
            let old: ItemDescription?
            do {
                old = try editor.description(of: row.itemID)
            } catch {
                plan.problems.append(.init(line: row.line, column: itemColumn, message: error.description))
                continue
            }
            guard let old else {
                plan.problems.append(
                    .init(
                        line: row.line, column: itemColumn,
                        message: "no archived item '\(row.itemID)'; `sohoa metadata export` lists the items"))
                continue
            }
            var description = old
            var bad = false
            for field in MetadataField.allCases {
                guard let (column, text) = row.values[field] else { continue }
                do throws(MetadataFieldError) {
                    try field.set(text, in: &description)
                } catch {
                    plan.problems.append(.init(line: row.line, column: column, message: error.description))
                    bad = true
                }
            }
            guard !bad else { continue }
            let version = (try? editor.session.catalog.item(id: row.itemID))??.ocflVersion
            let edit = MetadataEdit(itemID: row.itemID, description: description, basedOn: version)
            do throws(MetadataEditError) {
                let changes = try MetadataEditor.checked(edit, against: old)
                if changes.isEmpty {
                    plan.unchanged += 1
                } else {
                    plan.edits.append(.init(line: row.line, edit: edit, changes: changes))
                }
            } catch {
                let column: Int? = if case .invalid(let field) = error { row.values[field.field]?.column } else { nil }
                plan.problems.append(.init(line: row.line, column: column, message: error.description))
            }
        }
        return plan
    }

    /// Writes the plan's edits as `person`, one version per item; refused (nothing written) when the
    /// plan has problems and `skippingBad` is false. Returns what each edit did, in the plan's order.
    public func apply(
        _ plan: MetadataImportPlan, by person: String, skippingBad: Bool = false, at date: Date = Date()
    ) throws(MetadataEditError) -> [MetadataEditResult] {
        if !plan.problems.isEmpty && !skippingBad {
            throw .failed("\(plan.problems.count) rows cannot be used, so nothing was written; mend them or pass --skip-bad")
        }
        var results: [MetadataEditResult] = []
        for planned in plan.edits {
            results.append(try editor.apply(planned.edit, by: person, at: date))
        }
        return results
    }
}

/// What a metadata CSV would change: the edits (one per changed item), the rows that change
/// nothing, and the bad rows.
public struct MetadataImportPlan: Sendable, Equatable {
    /// One changed item: the CSV line, the edit and its changes.
    public struct Planned: Sendable, Equatable {
        public var line: Int
        public var edit: MetadataEdit
        public var changes: [MetadataChange]
    }

    public var edits: [Planned] = []
    /// Rows whose item already has the values given.
    public var unchanged = 0
    public var problems: [MetadataCSVProblem] = []

    /// The plan as staff read it: every change per item and field, then the bad rows.
    public var text: String {
        var lines: [String] = []
        for planned in edits {
            lines.append("\(planned.edit.itemID) (line \(planned.line)):")
            for change in planned.changes {
                lines.append("  \(change.field.header): \"\(change.old)\" → \"\(change.new)\"")
            }
        }
        lines.append("\(edits.count) items to change, \(unchanged) unchanged, \(problems.count) bad rows")
        for problem in problems { lines.append("bad: \(problem)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
