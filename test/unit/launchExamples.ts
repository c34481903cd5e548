import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../helpers/filesUnder';

/**
 * Real command lines that launch uWSGI or Gunicorn: launch lines quoted from public repositories (the repository
 * and path are beside each), plus every line of the launch corpus (test/corpus/launch) that names a server.
 */
const QUOTED: string[] = [
  // Ted-Rose/django-apps:Dockerfile
  'exec gunicorn --bind :$PORT --workers 1 --threads 8 --timeout 0 main:app',
  // mkorman9/flask-app:Dockerfile
  'exec python -m gunicorn --workers ${WORKERS_COUNT:-4} --worker-class gevent --bind 0.0.0.0:8080 app:app',
  // superawesome/deadmandetector:Dockerfile
  'uwsgi --plugin python3,http --http :8080 --wsgi-file app.py --processes 1 --threads 4 --uid nobody --master',
  // 14MR/cooking-app-backend:Dockerfile
  'python manage.py migrate && uwsgi --ini docker/app/uwsgi.ini',
  // shyam-medh/devops-1-django-app:docker-compose.yml
  'sh -c "python manage.py migrate && gunicorn notesapp.wsgi:application --bind 0.0.0.0:8000"',
  // macdipu/django-app-ota-update:backend/docker/compose/local.yml
  'gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers 3 --timeout 300',
  // Grupo-TCC/django-app:Procfile
  'gunicorn setup.wsgi:application --bind 0.0.0.0:$PORT',
  // taqdeesgolandaz/fitzone-django-project:Procfile
  'python -m gunicorn fitzone.wsgi --bind 0.0.0.0:$PORT --log-file -',
  // 1frag/product-api:Procfile
  'bin/start-nginx bundle exec uwsgi uwsgi.ini',
  // ucdse/flask-app:entrypoint.sh
  'exec gunicorn -w 2 -b 0.0.0.0:5000 --worker-class gthread --threads 4 --timeout 120 --preload app:app',
  // Anaero-Technology/Flask-App:backend/start.sh
  'gunicorn --worker-class gevent --worker-connections 1000 --timeout 30 -w 1 -b :6000 app:app',
  // magicianmakar/django-project:runner.sh
  'newrelic-admin run-program gunicorn app.wsgi --timeout $GUNICORN_TIMEOUT',
  // uc-cdis/metadata-service:dockerrun.bash
  'poetry run opentelemetry-instrument --traces_exporter otlp --metrics_exporter otlp gunicorn -c /src/deployment/wsgi/gunicorn.conf.py mds.asgi:app',
  // ShaulBenDavid/django-app-api:scripts/run.sh
  'uwsgi --socket :9000 --workers 4 --master --enable-threads --module app.wsgi',
  // 129-ornellas/Alcooloria:docker/bin/start.sh
  'uwsgi --ini /app/uwsgi.ini --processes=$UWSGI_PROCESSES',
  // DSAV-Dodeka/dodeka:build/container/server/confspawn_entrypoint.sh
  'export GUNICORN_CMD_ARGS="--bind=0.0.0.0:4243 --workers=3"',
  // AkhilGrandhi/flask-app:render.yaml
  'cd backend && gunicorn wsgi:app --workers ${GUNICORN_WORKERS:-8} --threads ${GUNICORN_THREADS:-2} --timeout 120 --worker-class gthread --bind 0.0.0.0:$PORT',
  // benoitc/gunicorn:docs/content/guides/docker.md
  '--workers=4 --bind=0.0.0.0:8000',
  // unbit/uwsgi#2659
  'UWSGI_MASTER=true UWSGI_ENABLE_THREADS=true uwsgi',
];

const CORPUS = join(__dirname, '..', 'corpus', 'launch');

/** Lines of the launch corpus that name a server, outside comments, each as one string. */
function corpusLines(): string[] {
  return filesUnder(CORPUS)
    .filter((path) => !/\.(tsv|md)$/.test(path))
    .flatMap((path) => readFileSync(path, 'utf8').split(/\r\n|\r|\n/))
    .map((line) => line.trim())
    .filter((line) => /\b(gunicorn|uwsgi)\b/i.test(line) && !/^[#;]/.test(line));
}

export const REAL_COMMAND_LINES: readonly string[] = [...QUOTED, ...corpusLines()];
