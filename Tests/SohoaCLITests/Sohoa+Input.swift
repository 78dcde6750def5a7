import Foundation
import SohoaTesting

extension Sohoa {
    /// Runs `sohoa` with `input` on its standard input (e.g. a password for `--password-stdin`).
    static func runWithInput(_ arguments: [String], input: String, environment: [String: String] = [:]) throws -> Result {
        try ProcessRunner.run(binary, arguments, environment: environment, in: packageRoot, input: input)
    }
}
