workers = 2

if __name__ == "__main__":
    workers = -1
