worker_class = "gunicorn.workers.sync.SyncWorker"
