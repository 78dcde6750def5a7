// SohoaPipeline
