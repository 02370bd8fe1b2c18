import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplaintHistoryResolver } from './complaint-history.resolver.js';
import { ComplaintsResolver } from './complaints.resolver.js';
import { EscalateComplaintHandler } from './commands/escalate-complaint.handler.js';
import { ForwardComplaintHandler } from './commands/forward-complaint.handler.js';
import { RespondToComplaintHandler } from './commands/respond-to-complaint.handler.js';
import { SanctionComplaintHandler } from './commands/sanction-complaint.handler.js';
import { SubmitComplaintHandler } from './commands/submit-complaint.handler.js';

@Module({
  imports: [CqrsModule],
  providers: [
    ComplaintsResolver,
    ComplaintHistoryResolver,
    SubmitComplaintHandler,
    ForwardComplaintHandler,
    RespondToComplaintHandler,
    EscalateComplaintHandler,
    SanctionComplaintHandler,
  ],
})
export class ComplaintsModule {}
