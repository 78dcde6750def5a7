import Foundation

extension Normalizer {
    /// The orientation to act on and the evidence behind it. A page the profiles read as upright
    /// with confidence stays so, and so does a turn they are certain of when the page will be read
    /// (`recognition` given); otherwise recognition decides when it reads clearly (the profiles'
    /// guess first, often alone), then Tesseract's OSD when it is sure, then the profiles when they are.
    /// A page where no band of lines can be cut (a photograph) is not given to OSD.
    func decideOrientation(
        _ gray: Raster, dpi: Int, profile: OrientationEstimate, detector: (any OrientationDetecting)?,
        recognition: (any RecognitionScoring)?
    ) -> (estimate: OrientationEstimate, evidence: OrientationEvidence) {
        var evidence = OrientationEvidence(profile: profile)
        let sure = profile.confidence >= options.minimumOrientationConfidence
        if sure && profile.quarterTurns == 0 { return (profile, evidence) }
        if let recognition {
            // Certain profiles are not read (issue 11: the recognition check runs on doubtful pages
            // only). A wrong turn would still be caught: the OCR stage reads a page whose text looks
            // wrong in the other orientations. Pages nobody reads (no OCR language) keep OSD's check.
            if profile.confidence >= OrientationByRecognition.sureProfileConfidence { return (profile, evidence) }
            let verdict = OrientationByRecognition.judge(
                BorderDetector.withoutBorder(gray, dpi: dpi), dpi: dpi, profile: profile, scorer: recognition)
            evidence.candidates = verdict.candidates
            if let estimate = verdict.estimate { return (estimate, evidence) }
            // No band of lines to read in any orientation (a photograph): OSD would only guess.
            if !verdict.sampled {
                return (sure ? profile : OrientationEstimate(quarterTurns: 0, confidence: 0, method: .profile), evidence)
            }
        }
        if let detector {
            // With a second opinion available, a page is only turned when one opinion is sure
            // (OSD first; the profiles when OSD is unsure).
            let start = DispatchTime.now()
            let osd = detector.orientation(of: gray, dpi: dpi)
            evidence.osd = osd
            evidence.osdMilliseconds = (Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 100_000).rounded() / 10
            if let osd, osd.confidence >= options.minimumOrientationConfidence { return (osd, evidence) }
            if sure { return (profile, evidence) }
            return (osd ?? OrientationEstimate(quarterTurns: 0, confidence: 0, method: .tesseractOSD), evidence)
        }
        return (profile, evidence)
    }
}
