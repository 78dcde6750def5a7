// SohoaCatalog
