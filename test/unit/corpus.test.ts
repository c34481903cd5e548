/**
 * Every real-world uWSGI config of the corpus (test/corpus/uwsgi, sources in test/corpus/MANIFEST.tsv) goes through
 * the analysis under the path its project gives it, beside the corpus files of the same repository. Every finding of
 * every rule is pinned as `file:line:col rule-id`; each was read against its file once, and only real mistakes are
 * here (a false alarm is fixed in its rule, never pinned). Messages are checked apart, on a few findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { fixAll, fixAllText } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { comparePositions } from '../../server/src/text/lineIndex';
import { parseIni, sectionsNamed } from '../../server/src/parse/uwsgiIni';
import { analyzeCorpusFile, corpusFiles, pinsOf } from '../helpers/corpus';

const files = corpusFiles('uwsgi');

/**
 * Corpus files pydeploy does not read: uWSGI's yaml, xml and json formats, which it has no reader for, and a build
 * profile. The 10 templates (`.j2`, `.template`, and `.ini` files with Jinja syntax) are read, placeholders aside.
 */
const NOT_READ = [
  'uwsgi/055-InQuest-ThreatKB-uwsgi.yaml',
  'uwsgi/070-Oslandia-docker-mapproxy-uwsgi.yml',
  'uwsgi/078-SilverBlog-silverblog-uwsgi.json',
  'uwsgi/097-antofik-docker-python-uwsgi-uwsgi.xml',
  'uwsgi/102-btseytlin-flask-api-skeleton-uwsgi.yml',
  'uwsgi/108-haje01-flask-plate-uwsgi.xml',
  'uwsgi/109-jamiesun-talkincode-uwsgi.xml',
  'uwsgi/111-micahhausler-fig-demo-uwsgi.json',
  'uwsgi/112-mutantmonkey-ctfengine-uwsgi.yml',
  'uwsgi/116-teran-docker-webvirtmgr-uwsgi.yaml',
  // A build profile of uWSGI itself (`main_plugin`, `plugin_dir`, `inherit = base`: UWSGI_PROFILE for pip install),
  // not a config given to the server.
  'uwsgi/119-wuvt-wuvt-site-uwsgi_profile.ini',
];

const PINS = [
  // uwsgi/enable-threads, as information: the repository keeps a newrelic.ini, so New Relic is its agent. `gevent = 1000`
  // turns threads on, so the agent works, but New Relic checks uWSGI's given options for `enable-threads` and warns at
  // every start. (No uwsgi/lazy-apps here: New Relic does not ask for it.)
  'uwsgi/027-Bibliocratie-Bibliocratie-uwsgi-heroku.ini:1:1 uwsgi/enable-threads',
  // uwsgi/enable-threads: Neither `enable-threads` nor `threads` (nor another option that turns Python threads on, such as
  // `py-autoreload`) is set: on uWSGI up to 2.0.26, which these projects do not pin past, the agent's thread never runs.
  // The last test below checks each against the file independently of the rule.
  'uwsgi/007-1frag-product-api-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/008-1kitten-dev-template-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/015-42cc-dashr-gw-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/020-AVCdis-ansible-sc-deploy-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/022-AminHP-flask-mvc-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/030-CalPolyResDev-checkin_parking_project-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/036-ConSol-ePa_av-gate-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/037-ConSol-ePa_av-gate-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/040-DRJ31-ConfigFiles-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/043-DeppSRL-open_coesione-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/048-Domain-Connect-exampleservice-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/050-FIUS-ttf-backend-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/051-Fingel-sane-django-docker-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/053-HamWAN-hamwan-portal-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/056-JGrubb-django-blog-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/057-JackSlateur-backurne-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/064-Near-Zhang-op_keystone-uwsgi.ini:2:1 uwsgi/enable-threads',
  'uwsgi/065-NextFloor-paste-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/069-OrangeTux-minimal-docker-python-setup-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/071-ProjectMeniscus-meniscus-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/072-PyNSK-pynsk.ru-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/073-QUSEIT-django-project-skel-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/074-Raekkeri-sportscal-uwsgi.ini:2:1 uwsgi/enable-threads',
  'uwsgi/075-Reecepbcups-cosmos-cache-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/077-ShandiLin-pymicro-flask-uwsgi.ini:11:18 uwsgi/enable-threads',
  'uwsgi/081-VKSRC-Github-Monitor-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/082-VKSRC-Github-Monitor-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/083-VoIPGRID-vialer-middleware-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/086-Watchadvisor-platformsh-example-python-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/087-achilleas-michos-python-flask-docker-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/088-achilleas-michos-python-flask-docker-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/089-acm-uiuc-liquid-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/090-aidrd-nanbyodata-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/091-ajnisbet-opentopodata-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/093-akun-PyHackerNews-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/094-alexzhangs-shadowsocks-manager-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/096-anehx-anonboard-anonboard.ini:1:1 uwsgi/enable-threads',
  'uwsgi/100-avacariu-drag-and-drop-hosting-uwsgi.ini:1:1 uwsgi/enable-threads',
  'uwsgi/113-nginxinc-mra-user-manager-uwsgi.ini:1:1 uwsgi/enable-threads',
  // uwsgi/single-interpreter: No `single-interpreter`: the app runs in a sub-interpreter, which the agent does not support.
  // Templates among them (002, 020, 074) set none of the agent's flags either, in any branch; those whose `{% if %}`
  // blocks or `{{ ... }}` lines may set them (103, 110, 114, 115) are not reported.
  'uwsgi/002-0x64746b-haushaltsgeld-uwsgi.ini.template:1:1 uwsgi/single-interpreter',
  'uwsgi/001-0mk1-gifz-api-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/004-1064yanzu-public_opinion-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/005-123seven-drf_boilerplate-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/006-18mr-call-congress-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/007-1frag-product-api-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/008-1kitten-dev-template-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/009-1r21-taishan-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/010-20tab-django-uwsgi-template-legacy-global.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/013-21jun-minitter-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/014-29next-demo-fulfillment-service-app-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/015-42cc-dashr-gw-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/016-467754239-django-framework-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/017-536-my-wiz-blog-uwsgi.ini:2:1 uwsgi/single-interpreter',
  'uwsgi/018-APSL-docker-puput-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/019-APSL-sauron-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/020-AVCdis-ansible-sc-deploy-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/022-AminHP-flask-mvc-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/023-Amsterdam-mijn-mks-api-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/024-BastiTee-python3-flask-boilerplate-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/027-Bibliocratie-Bibliocratie-uwsgi-heroku.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/029-CAVEconnectome-AnnotationEngine-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/030-CalPolyResDev-checkin_parking_project-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/031-Catstyle-flask-template-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/032-ChaserZ98-Web-SQL-Console-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/035-ClaudiuGeorgiu-RiskInDroid-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/036-ConSol-ePa_av-gate-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/037-ConSol-ePa_av-gate-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/038-Cray-HPE-bos-uwsgi.ini:2:1 uwsgi/single-interpreter',
  'uwsgi/039-DCCouncil-dcstat-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/040-DRJ31-ConfigFiles-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/041-Demieno-django-gulp-docker-ansible-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/043-DeppSRL-open_coesione-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/044-Dispatcharr-Dispatcharr-uwsgi.debug.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/045-Dispatcharr-Dispatcharr-uwsgi.dev.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/046-Dispatcharr-Dispatcharr-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/047-Domain-Connect-exampleservice-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/048-Domain-Connect-exampleservice-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/049-DonkeyOatie-django_docker_template-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/050-FIUS-ttf-backend-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/051-Fingel-sane-django-docker-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/052-HXSecurity-DongTai-uwsgi.ini:2:1 uwsgi/single-interpreter',
  'uwsgi/053-HamWAN-hamwan-portal-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/054-HengfengLi-nginx-uwsgi-flask-demo-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/056-JGrubb-django-blog-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/057-JackSlateur-backurne-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/058-JacobsAlumni-MemberManagement-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/059-Kirius-files_service-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/060-KryptedGaming-krypted-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/061-MathHubInfo-mhd-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/062-Mirantis-launchpad-reports-summary-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/063-MrLYC-neverland-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/064-Near-Zhang-op_keystone-uwsgi.ini:2:1 uwsgi/single-interpreter',
  'uwsgi/065-NextFloor-paste-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/066-NickSto-nstoler.com-uwsgi.ini:2:1 uwsgi/single-interpreter',
  'uwsgi/067-NovaUNL-Supernova-uwsgi-dev.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/068-NovaUNL-Supernova-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/069-OrangeTux-minimal-docker-python-setup-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/071-ProjectMeniscus-meniscus-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/072-PyNSK-pynsk.ru-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/073-QUSEIT-django-project-skel-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/074-Raekkeri-sportscal-uwsgi.ini:2:1 uwsgi/single-interpreter',
  'uwsgi/075-Reecepbcups-cosmos-cache-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/076-ReutersMedia-pyword2vec-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/079-Simon-Will-nlmaps-web-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/081-VKSRC-Github-Monitor-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/082-VKSRC-Github-Monitor-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/083-VoIPGRID-vialer-middleware-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/084-WZQ1397-config-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/085-WZQ1397-config-uwsgi.muti.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/086-Watchadvisor-platformsh-example-python-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/087-achilleas-michos-python-flask-docker-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/088-achilleas-michos-python-flask-docker-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/089-acm-uiuc-liquid-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/090-aidrd-nanbyodata-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/091-ajnisbet-opentopodata-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/092-akatrevorjay-localshop-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/093-akun-PyHackerNews-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/094-alexzhangs-shadowsocks-manager-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/096-anehx-anonboard-anonboard.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/098-ashcrow-four04-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/099-asoucase-flask-prometheus-metrics-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/100-avacariu-drag-and-drop-hosting-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/101-bluehole333-python3_nginx_uwsgi_django_docker-uwsgi.ini:10:1 uwsgi/single-interpreter',
  'uwsgi/104-cernanalysispreservation-analysispreservation.cern.ch-uwsgi_rest.ini:8:1 uwsgi/single-interpreter',
  'uwsgi/105-chaoxiaodi-common-configuration-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/106-cnstark-gputasker-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/107-dlk3-darksky-api-darksky-api.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/113-nginxinc-mra-user-manager-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/117-wuvt-wuvt-site-uwsgi.ini:1:1 uwsgi/single-interpreter',
  'uwsgi/118-wuvt-wuvt-site-uwsgi_docker.ini:1:1 uwsgi/single-interpreter',
  // uwsgi/lazy-apps: Neither `lazy-apps` nor `lazy`: the app is loaded in the master and forked, and the agent's thread is not.
  'uwsgi/002-0x64746b-haushaltsgeld-uwsgi.ini.template:1:1 uwsgi/lazy-apps',
  'uwsgi/001-0mk1-gifz-api-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/003-0xDEADCAT-colors-api-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/004-1064yanzu-public_opinion-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/007-1frag-product-api-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/008-1kitten-dev-template-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/009-1r21-taishan-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/010-20tab-django-uwsgi-template-legacy-global.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/013-21jun-minitter-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/014-29next-demo-fulfillment-service-app-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/015-42cc-dashr-gw-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/016-467754239-django-framework-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/017-536-my-wiz-blog-uwsgi.ini:2:1 uwsgi/lazy-apps',
  'uwsgi/018-APSL-docker-puput-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/019-APSL-sauron-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/020-AVCdis-ansible-sc-deploy-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/021-AkuQ-agisvolt-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/022-AminHP-flask-mvc-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/023-Amsterdam-mijn-mks-api-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/024-BastiTee-python3-flask-boilerplate-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/029-CAVEconnectome-AnnotationEngine-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/030-CalPolyResDev-checkin_parking_project-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/031-Catstyle-flask-template-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/032-ChaserZ98-Web-SQL-Console-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/035-ClaudiuGeorgiu-RiskInDroid-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/036-ConSol-ePa_av-gate-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/037-ConSol-ePa_av-gate-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/038-Cray-HPE-bos-uwsgi.ini:2:1 uwsgi/lazy-apps',
  'uwsgi/039-DCCouncil-dcstat-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/040-DRJ31-ConfigFiles-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/041-Demieno-django-gulp-docker-ansible-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/042-Demieno-django-gulp-docker-ansible-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/043-DeppSRL-open_coesione-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/047-Domain-Connect-exampleservice-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/048-Domain-Connect-exampleservice-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/049-DonkeyOatie-django_docker_template-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/050-FIUS-ttf-backend-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/051-Fingel-sane-django-docker-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/052-HXSecurity-DongTai-uwsgi.ini:2:1 uwsgi/lazy-apps',
  'uwsgi/053-HamWAN-hamwan-portal-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/054-HengfengLi-nginx-uwsgi-flask-demo-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/056-JGrubb-django-blog-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/057-JackSlateur-backurne-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/058-JacobsAlumni-MemberManagement-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/059-Kirius-files_service-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/060-KryptedGaming-krypted-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/061-MathHubInfo-mhd-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/062-Mirantis-launchpad-reports-summary-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/063-MrLYC-neverland-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/064-Near-Zhang-op_keystone-uwsgi.ini:2:1 uwsgi/lazy-apps',
  'uwsgi/065-NextFloor-paste-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/066-NickSto-nstoler.com-uwsgi.ini:2:1 uwsgi/lazy-apps',
  'uwsgi/067-NovaUNL-Supernova-uwsgi-dev.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/068-NovaUNL-Supernova-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/069-OrangeTux-minimal-docker-python-setup-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/071-ProjectMeniscus-meniscus-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/072-PyNSK-pynsk.ru-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/073-QUSEIT-django-project-skel-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/074-Raekkeri-sportscal-uwsgi.ini:2:1 uwsgi/lazy-apps',
  'uwsgi/075-Reecepbcups-cosmos-cache-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/076-ReutersMedia-pyword2vec-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/079-Simon-Will-nlmaps-web-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/081-VKSRC-Github-Monitor-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/082-VKSRC-Github-Monitor-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/083-VoIPGRID-vialer-middleware-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/084-WZQ1397-config-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/085-WZQ1397-config-uwsgi.muti.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/086-Watchadvisor-platformsh-example-python-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/087-achilleas-michos-python-flask-docker-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/088-achilleas-michos-python-flask-docker-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/089-acm-uiuc-liquid-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/090-aidrd-nanbyodata-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/091-ajnisbet-opentopodata-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/093-akun-PyHackerNews-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/094-alexzhangs-shadowsocks-manager-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/095-amks1-k8s-test-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/096-anehx-anonboard-anonboard.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/099-asoucase-flask-prometheus-metrics-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/100-avacariu-drag-and-drop-hosting-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/104-cernanalysispreservation-analysispreservation.cern.ch-uwsgi_rest.ini:8:1 uwsgi/lazy-apps',
  'uwsgi/105-chaoxiaodi-common-configuration-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/106-cnstark-gputasker-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/107-dlk3-darksky-api-darksky-api.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/113-nginxinc-mra-user-manager-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/117-wuvt-wuvt-site-uwsgi.ini:1:1 uwsgi/lazy-apps',
  'uwsgi/118-wuvt-wuvt-site-uwsgi_docker.ini:1:1 uwsgi/lazy-apps',
  // uwsgi/prefer-lazy-apps: `lazy = true` works for the agent; uWSGI's docs prefer `lazy-apps` (a hint).
  'uwsgi/006-18mr-call-congress-uwsgi.ini:6:1 uwsgi/prefer-lazy-apps',
  // uwsgi/wsgi-env-behavior, as information: both repositories keep a newrelic.ini, so New Relic is their agent; no
  // `wsgi-env-behavior` line and nothing pins uWSGI 2.1, so the 2.0 default `cheat` applies, which New Relic's older
  // uWSGI page advises against (each file read once: right).
  'uwsgi/006-18mr-call-congress-uwsgi.ini:1:1 uwsgi/wsgi-env-behavior',
  'uwsgi/027-Bibliocratie-Bibliocratie-uwsgi-heroku.ini:1:1 uwsgi/wsgi-env-behavior',
  // uwsgi/include-not-found: Includes of files the corpus does not have (the projects' `uwsgi-base.ini`; `%d../static.ini` is
  // uwsgiconf/static.ini, since uWSGI's `%d` ends with a slash): information that checks needing them are skipped.
  'uwsgi/012-20tab-django-uwsgi-template-legacy-static.ini:2:7 uwsgi/include-not-found',
  'uwsgi/033-City-of-Helsinki-hauki-uwsgi.ini:6:11 uwsgi/include-not-found',
  'uwsgi/034-City-of-Helsinki-kerrokantasi-uwsgi.ini:6:11 uwsgi/include-not-found',
  // uwsgi/invalid-value: `log-slow = True`/`true` and `post-buffering = true`, `http-keepalive = True`: uWSGI reads numbers with
  // atoi, so each is 0 (log-slow and post-buffering off, keep-alive off). `buffer-size = 65536` is one past the
  // 16-bit option's 65535.
  'uwsgi/018-APSL-docker-puput-uwsgi.ini:21:12 uwsgi/invalid-value',
  'uwsgi/018-APSL-docker-puput-uwsgi.ini:25:12 uwsgi/invalid-value',
  'uwsgi/044-Dispatcharr-Dispatcharr-uwsgi.debug.ini:37:15 uwsgi/invalid-value',
  'uwsgi/052-HXSecurity-DongTai-uwsgi.ini:26:15 uwsgi/invalid-value',
  'uwsgi/090-aidrd-nanbyodata-uwsgi.ini:35:12 uwsgi/invalid-value',
  'uwsgi/092-akatrevorjay-localshop-uwsgi.ini:20:18 uwsgi/invalid-value',
  'uwsgi/095-amks1-k8s-test-uwsgi.ini:6:18 uwsgi/invalid-value',
  'uwsgi/096-anehx-anonboard-anonboard.ini:13:18 uwsgi/invalid-value',
  'uwsgi/105-chaoxiaodi-common-configuration-uwsgi.ini:17:15 uwsgi/invalid-value',
  // uwsgi/duplicate-option: Single-valued options set twice, the first line silently lost: `log-slow` (018), `http-timeout` (044),
  // `protocol` (090).
  'uwsgi/018-APSL-docker-puput-uwsgi.ini:21:1 uwsgi/duplicate-option',
  'uwsgi/044-Dispatcharr-Dispatcharr-uwsgi.debug.ini:38:1 uwsgi/duplicate-option',
  'uwsgi/090-aidrd-nanbyodata-uwsgi.ini:6:1 uwsgi/duplicate-option',
  // uwsgi/unknown-option: Keys uWSGI keeps as placeholders and never applies: `buffer_size` (for buffer-size), `chown`, `app`,
  // `exec-before`/`exec-pre` (the real ones are `exec-pre-app`, `exec-as-root`...), `log-buffering`, `application`
  // (for `callable`/`module`), `chmod-sock` (for chmod-socket), `logging`. None is read back as `%(name)` in its file.
  // (`py_version` in 011 is not here: it includes a file the corpus lacks, which the project's repository shows reads
  // it as `%(py_version)`.)
  'uwsgi/032-ChaserZ98-Web-SQL-Console-uwsgi.ini:11:1 uwsgi/unknown-option',
  'uwsgi/036-ConSol-ePa_av-gate-uwsgi.ini:9:1 uwsgi/unknown-option',
  'uwsgi/038-Cray-HPE-bos-uwsgi.ini:8:1 uwsgi/unknown-option',
  'uwsgi/044-Dispatcharr-Dispatcharr-uwsgi.debug.ini:6:1 uwsgi/unknown-option',
  'uwsgi/044-Dispatcharr-Dispatcharr-uwsgi.debug.ini:55:1 uwsgi/unknown-option',
  'uwsgi/045-Dispatcharr-Dispatcharr-uwsgi.dev.ini:8:1 uwsgi/unknown-option',
  'uwsgi/045-Dispatcharr-Dispatcharr-uwsgi.dev.ini:67:1 uwsgi/unknown-option',
  'uwsgi/046-Dispatcharr-Dispatcharr-uwsgi.ini:8:1 uwsgi/unknown-option',
  'uwsgi/046-Dispatcharr-Dispatcharr-uwsgi.ini:70:1 uwsgi/unknown-option',
  'uwsgi/054-HengfengLi-nginx-uwsgi-flask-demo-uwsgi.ini:3:1 uwsgi/unknown-option',
  'uwsgi/075-Reecepbcups-cosmos-cache-uwsgi.ini:9:1 uwsgi/unknown-option',
  'uwsgi/076-ReutersMedia-pyword2vec-uwsgi.ini:19:1 uwsgi/unknown-option',
  // uwsgi/inline-comment: `key = value #comment`: uWSGI has no inline comments, so the comment is part of the value (a pidfile
  // named `/run/service.pid #You can...`).
  'uwsgi/040-DRJ31-ConfigFiles-uwsgi.ini:9:11 uwsgi/inline-comment',
  'uwsgi/040-DRJ31-ConfigFiles-uwsgi.ini:10:9 uwsgi/inline-comment',
  'uwsgi/040-DRJ31-ConfigFiles-uwsgi.ini:20:8 uwsgi/inline-comment',
  // uwsgi/conflicting-options: `module` and `wsgi-file` both load into the default mountpoint (049, 063); `processes = 10` and
  // `workers = 6` are one setting (074, a Jinja template in which both lines are plain values).
  'uwsgi/049-DonkeyOatie-django_docker_template-uwsgi.ini:8:1 uwsgi/conflicting-options',
  'uwsgi/063-MrLYC-neverland-uwsgi.ini:9:1 uwsgi/conflicting-options',
  'uwsgi/074-Raekkeri-sportscal-uwsgi.ini:16:1 uwsgi/conflicting-options',
  // uwsgi/ineffective-option: HTTP-router options (`http-timeout`, `http-websockets`, `http-keepalive`) where only
  // `http-socket` or a plain `socket` runs and no `http` router reads them (shown on uWSGI 2.0.21 in
  // test/differential/ineffectiveOptions.test.ts); a launch with `--http` would make them count, and none is in the corpus.
  'uwsgi/006-18mr-call-congress-uwsgi.ini:5:1 uwsgi/ineffective-option',
  'uwsgi/027-Bibliocratie-Bibliocratie-uwsgi-heroku.ini:12:1 uwsgi/ineffective-option',
  'uwsgi/029-CAVEconnectome-AnnotationEngine-uwsgi.ini:29:1 uwsgi/ineffective-option',
  'uwsgi/032-ChaserZ98-Web-SQL-Console-uwsgi.ini:22:1 uwsgi/ineffective-option',
  'uwsgi/095-amks1-k8s-test-uwsgi.ini:28:1 uwsgi/ineffective-option',
  'uwsgi/096-anehx-anonboard-anonboard.ini:13:1 uwsgi/ineffective-option',
  // prometheus/multiproc-dir: `env=prometheus_multiproc_dir=...` (110, NetBox's Ansible template, when metrics are on): the
  // lower-case name prometheus_client reads only with a DeprecationWarning (prometheus_client/multiprocess.py:25-30).
  'uwsgi/110-lae-ansible-role-netbox-uwsgi.ini.j2:20:5 prometheus/multiproc-dir',
  // uwsgi/unusual-flag-value: `vhost = backurne-api.fqdn`: a flag given a host name, which uWSGI reads as true.
  'uwsgi/057-JackSlateur-backurne-uwsgi.ini:2:9 uwsgi/unusual-flag-value',
];

test('real-world uWSGI configs: every finding of every rule is pinned, and only the formats without a reader are not read', () => {
  assert.equal(files.length, 119);
  const found: string[] = [];
  const notRead: string[] = [];
  for (const file of files) {
    const analysis = analyzeCorpusFile(file);
    if (analysis) found.push(...pinsOf(file, analysis));
    else notRead.push(file.local);
  }
  assert.deepEqual(notRead, NOT_READ);
  assert.deepEqual([...found].sort(), [...PINS].sort());
});

test('real-world uWSGI configs: what the pinned findings say', () => {
  const messages = new Map(
    files.flatMap((file) => {
      const analysis = analyzeCorpusFile(file);
      return analysis ? diagnosticsOf(analysis).map((d): [string, string] => [`${file.local}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`, d.message]) : [];
    }),
  );
  const message = (pin: string) => {
    assert.ok(messages.has(pin), `no finding ${pin}`);
    return messages.get(pin)!;
  };
  assert.equal(
    message('uwsgi/012-20tab-django-uwsgi-template-legacy-static.ini:2:7 uwsgi/include-not-found'),
    'pydeploy cannot find `/20tab/django-uwsgi-template-legacy/uwsgiconf/static.ini`: checks that need the options it sets are skipped.',
  );
  assert.equal(message('uwsgi/096-anehx-anonboard-anonboard.ini:13:18 uwsgi/invalid-value'), '`http-keepalive = True` is not a whole number: uWSGI reads it as 0.');
  assert.equal(message('uwsgi/105-chaoxiaodi-common-configuration-uwsgi.ini:17:15 uwsgi/invalid-value'), '`buffer-size` holds at most 65535: uWSGI cuts `65536` down to 65535.');
  assert.equal(message('uwsgi/090-aidrd-nanbyodata-uwsgi.ini:6:1 uwsgi/duplicate-option'), '`protocol` is set again on line 16, and the last value wins: this line has no effect.');
  assert.match(message('uwsgi/075-Reecepbcups-cosmos-cache-uwsgi.ini:9:1 uwsgi/unknown-option'), /Did you mean `chmod-socket`\?$/);
  // No implausible did-you-mean (it was `pp`, and `cron` for `chown`).
  assert.equal(message('uwsgi/038-Cray-HPE-bos-uwsgi.ini:8:1 uwsgi/unknown-option'), '`app` is not a uWSGI option: uWSGI silently keeps it as a placeholder, so it has no effect.');
  assert.doesNotMatch(message('uwsgi/036-ConSol-ePa_av-gate-uwsgi.ini:9:1 uwsgi/unknown-option'), /Did you mean/);
  assert.match(message('uwsgi/074-Raekkeri-sportscal-uwsgi.ini:16:1 uwsgi/conflicting-options'), /^`processes` and `workers` \(line 32\) are the same setting/);
});

test('real-world uWSGI configs: each agent-flag finding matches the file, checked here independently of the rules', () => {
  const off = (value: string | undefined) => value !== undefined && /^(false|off|no|0)$/i.test(value);
  for (const file of files) {
    const analysis = analyzeCorpusFile(file);
    if (!analysis) continue;
    const uwsgi = sectionsNamed(parseIni(file.text.replace(/^\uFEFF/, '')), 'uwsgi').flatMap((section) => section.entries);
    const last = (key: string) => uwsgi.filter((entry) => entry.key === key).pop()?.value;
    for (const { code } of diagnosticsOf(analysis)) {
      if (code === 'uwsgi/enable-threads') {
        assert.equal(last('threads'), undefined, `${file.local}: threads is set, so uWSGI turns thread support on`);
        assert.ok(last('enable-threads') === undefined || off(last('enable-threads')), `${file.local}: enable-threads = ${last('enable-threads')} is on`);
      }
      if (code === 'uwsgi/lazy-apps') {
        assert.ok(last('lazy-apps') === undefined || off(last('lazy-apps')), `${file.local}: lazy-apps is on`);
        assert.ok(last('lazy') === undefined || off(last('lazy')), `${file.local}: lazy is on`);
      }
      if (code === 'uwsgi/single-interpreter') {
        assert.ok(last('single-interpreter') === undefined || off(last('single-interpreter')), `${file.local}: single-interpreter is on`);
      }
    }
  }
});

test('real-world uWSGI configs: fix-all keeps every line it does not fix, and a second run changes nothing', () => {
  for (const file of files) {
    const analysis = analyzeCorpusFile(file);
    const action = analysis && fixAll(analysis);
    const fixed = action ? applyTextEdits(file.text, action.edits) : file.text;
    // Every line no edit touches is still there, in order: fixes change only what they mean to.
    const touched = new Set((action?.edits ?? []).filter((edit) => comparePositions(edit.range.start, edit.range.end) !== 0).map((edit) => edit.range.start.line));
    const before = file.text.split(/\r?\n/).filter((_, line) => !touched.has(line));
    const after = fixed.split(/\r?\n/);
    let cursor = 0;
    for (const line of before) {
      while (cursor < after.length && after[cursor] !== line) cursor++;
      assert.ok(cursor < after.length, `${file.local}: line lost: ${line}`);
      cursor++;
    }
    if (analysis) assert.equal(fixAllText(file.path, fixed, {}, analysis.workspace), fixed, file.local);
  }
});
