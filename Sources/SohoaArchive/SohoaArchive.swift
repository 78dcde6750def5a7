// SohoaArchive
