import type { ProviderViewT } from '../../../../shared/api/monitor';
import { CAPABILITY_IDS, type Capability } from '../../../../shared/model';

export interface CoverageRow {
	capability: Capability;
	/** Providers offering it. */
	providers: number;
	/** Of those, how many would be tried now. */
	available: number;
	/** available / providers; 0 when none offers it. */
	share: number;
}

/** Per capability of the model (those nobody offers included): how many providers, how many available. */
export function coverage(providers: readonly ProviderViewT[]): CoverageRow[] {
	return CAPABILITY_IDS.map((capability) => {
		const offering = providers.filter((p) => p.capabilities.includes(capability));
		const available = offering.filter((p) => p.available).length;
		return { capability, providers: offering.length, available, share: offering.length === 0 ? 0 : available / offering.length };
	});
}
