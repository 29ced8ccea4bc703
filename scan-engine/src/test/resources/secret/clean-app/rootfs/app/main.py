password = get_password()
token = os.environ['TOKEN']
key_size = 2048
