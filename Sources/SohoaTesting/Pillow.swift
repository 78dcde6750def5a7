import Foundation
import XCTest

/// Pillow (Python's imaging library, which nobody here wrote) as a test's independent encoder: it
/// makes JPEG 2000 and other files from pixels sohoa then decodes.
public enum Pillow {
    /// A python3 that has Pillow (a pyenv or venv python may not have Debian's python3-pil), or
    /// XCTSkip saying what to install.
    public static func python() throws -> URL {
        for path in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: path) {
            let probe = try ProcessRunner.run(URL(fileURLWithPath: path), ["-c", "import PIL"])
            if probe.exitCode == 0 { return URL(fileURLWithPath: path) }
        }
        throw XCTSkip("no python3 with Pillow (Debian: python3-pil; scripts/install-deps.sh --with-tests)")
    }

    /// Converts the image file `source` to `target` with Pillow, `mode` first (e.g. `RGB`) when
    /// given (`I;16` scales 8-bit samples to the 16-bit range), saving with the Python keyword arguments `options` (e.g. `irreversible=True`).
    public static func convert(_ source: URL, to target: URL, mode: String? = nil, options: String = "") throws {
        let script = """
            from PIL import Image, features
            sys = __import__("sys")
            if not features.check('jpg_2000') and sys.argv[2].endswith(('.jp2', '.j2k')):
                sys.exit('Pillow here has no JPEG 2000 support')
            image = Image.open(sys.argv[1])
            mode = sys.argv[3]
            if mode == 'I;16':
                image = image.convert('I').point(lambda v: v * 257).convert('I;16')
            elif mode:
                image = image.convert(mode)
            image.save(sys.argv[2], \(options))
            """
        let run = try ProcessRunner.run(try python(), ["-c", script, source.path, target.path, mode ?? ""])
        if run.exitCode != 0, run.stderr.contains("no JPEG 2000 support") {
            throw XCTSkip("Pillow has no JPEG 2000 (OpenJPEG) support here")
        }
        XCTAssertEqual(run.exitCode, 0, "Pillow could not write \(target.lastPathComponent): \(run.stderr)")
    }
}
