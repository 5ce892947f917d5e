import { fail, ok, type Result } from '../../shared/api/monitor';
import { sentimentEnsemble } from '../../shared/sentiment/ensemble';
import { modelsReport } from '../../shared/sentiment/report';
import { AnalyzeBody, type BrowserModelStateT, type ModelsReportT, type SentimentEnsembleT } from '../../shared/sentiment/schema';
import type { EngineHome } from '../engine-home';

/** DirectMonitor's sentiment calls (worker/monitor.ts keeps one line each). */

export async function workerSentimentEnsemble(home: EngineHome, texts: unknown): Promise<Result<SentimentEnsembleT>> {
	// The same validation as the proxy's route, so both modes refuse the same input the same way.
	const parsed = AnalyzeBody.safeParse({ texts });
	if (!parsed.success) {
		const i = parsed.error.issues[0];
		return fail('bad_params', i ? `${i.path.join('.') || 'texts'}: ${i.message}` : 'invalid texts');
	}
	const out = await sentimentEnsemble(home.engine, parsed.data.texts);
	return out.ok ? ok(out.value) : fail(out.code, out.message);
}

export function workerModelsReport(home: EngineHome, now: number): Result<ModelsReportT> {
	return ok(modelsReport(home.engine, now));
}

export async function workerBrowserModel(home: EngineHome, enable: unknown): Promise<Result<BrowserModelStateT>> {
	if (enable !== undefined && typeof enable !== 'boolean') return fail('bad_params', 'enable must be true or false');
	if (enable !== undefined && enable !== home.browserModel.enabled) await home.setBrowserModel(enable);
	return ok(home.browserModel.state());
}
