import ArgumentParser
import Foundation
import SohoaCollection
import SohoaOCR
import SohoaPipeline

OpenMPGuard.reexecIfNeeded()
MallocArenas.limitToCores()
LeptonicaMemory.prefaultLargeImages()
do {
    var command = try Sohoa.parseAsRoot()
    if let serve = command as? ServeCommand {
        try await serve.serve()
    } else if let client = command as? any ServerClientCommand {
        try await client.perform()
    } else {
        try command.run()
    }
} catch {
    // DESIGN §8: a usage error exits 2 (ArgumentParser's own convention is 64).
    if Sohoa.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Sohoa.fullMessage(for: error) + "\n").utf8))
        exit(ExitStatus.usage.rawValue)
    }
    Sohoa.exit(withError: error)
}
