DEBUG = False
DB_HOST = 'db'
DB_PASSWORD = "Zq8#kLp2$Wm9vRt4"
