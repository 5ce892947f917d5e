import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { mastodonSocial } from './index';

conformance(mastodonSocial, fixtures);
