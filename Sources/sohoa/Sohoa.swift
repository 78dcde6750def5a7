import ArgumentParser

/// `sohoa`: digitize scans into a searchable, standards-true archive.
struct Sohoa: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sohoa",
        abstract:
            "Số hóa tài liệu quý hiếm và địa chí thành kho lưu trữ số có thể tìm kiếm. (Digitize rare and local-history documents into a searchable archive.)",
        subcommands: [
            RunCommand.self, WorkerCommand.self, StatusCommand.self, SearchCommand.self, ExportCommand.self, AuditCommand.self,
            ImportCommand.self,
            CorrectCommand.self,
            HoldingsCommand.self, ProgressCommand.self, ReportCommand.self, StatsCommand.self,
            ServeCommand.self, LoginCommand.self, SubmitCommand.self, SubmissionsCommand.self,
            WithdrawCommand.self,
            UsersCommand.self, AccessCommand.self, MetadataCommand.self,
            LibrariesCommand.self, CatalogCommand.self,
        ])
}
