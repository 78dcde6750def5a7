import Foundation

/// The default pipeline, built into the binary so that an installed `sohoa` runs from any folder.
/// `Pipelines/default.yaml` in the repository is the same text (a test keeps them equal), there to
/// read and to copy when making a pipeline of one's own (`--pipeline FILE`).
public enum DefaultPipeline {
    /// How messages name it.
    public static let name = "Pipelines/default.yaml (built in)"

    /// The text of `Pipelines/default.yaml`.
    public static let yaml = """
        # The default pipeline: Vietnamese OCR with every output, for most printed material.
        # Schema: see README.md, "Pipeline files". Unknown keys are an error.
        name: default
        languages: [vie]                # item metadata (item.yaml / items.csv "language") overrides this
        normalize:                      # see docs/normalization.md
          orientation: true             # turn pages lying on their side or upside down upright
          deskew: true                  # straighten pages skewed by up to max-skew degrees
          max-skew: 15
          crop-borders: true            # remove dark scanner borders (never cuts into text)
          even-light: true              # even out uneven light and gray paper
          binarize: none                # none (clean gray: measured best) | otsu | sauvola
          despeckle: true               # remove isolated specks, never tone marks
          split-spreads: auto           # auto | never | always: a book opening becomes <page>-a, <page>-b
          min-dpi: 200                  # pages scanned below this are upsampled to 300 dpi for OCR
        # quality:                      # capture-quality gate (off without this section); any threshold may be none
        #   min-dpi: 300                # at the page's real size; FADGI 3-star / Metamorfoze Light ask 300-400 ppi for text
        #   expect: any                 # bilevel | gray | colour | any: a gray page saved as 1-bit is flagged under gray
        #   max-blur: 4                 # widest text edge in pixels (sharp scans 1-2.7; blurred 4 and more)
        #   max-clipped: 0.02           # share of pixels burnt to pure white, or crushed to pure black (unchecked by default)
        #   page-count: warn            # warn | ignore: pages against the holding's estimated-pages
        #   on-fail: flag               # flag: archive and send back for rescanning | refuse: quarantine with the reason
        ocr:
          psm: auto
          outputs: [alto, hocr, text, pdf, pdf-reading]  # pdf: archival PDF/A, lossless; pdf-reading: compact
        workers:
          ingest: 1
          normalize: 1
          ocr: auto                     # one Tesseract engine per core; --jobs overrides
          package: 1
        package:
          access-derivative: {format: png, max-side: 2000}
        """

    /// The built-in pipeline, checked as strictly as a file.
    public static func configuration() throws(ConfigurationError) -> PipelineConfiguration {
        try PipelineFileParser.parse(yaml, file: name)
    }
}
