import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where a projector stands in the event store, written in the same transaction as the read models
 * it covers, so a crash neither loses nor doubles an effect.
 */
@Entity({ name: 'projection_checkpoint' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn('text')
  name!: string;

  /** The event store's opaque checkpoint after the last applied event. */
  @Column('text')
  checkpoint!: string;

  /** How many events have been applied: each event's ordinal in the global order. */
  @Column('bigint')
  ordinal!: number;

  /** Fingerprint of the projections' versions; a change triggers a rebuild. */
  @Column('text', { name: 'projections_version' })
  projectionsVersion!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
