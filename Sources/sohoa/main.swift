import SohoaPipeline

OpenMPGuard.reexecIfNeeded()
Sohoa.main()
