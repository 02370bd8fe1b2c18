import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplaintHistoryResolver } from './complaint-history.resolver.js';
import { ComplaintWorkflowResolver } from './complaint-workflow.resolver.js';
import { VerifyComplaintHandler } from './commands/verify-complaint.handler.js';
import { ClassifyComplaintHandler } from './commands/classify-complaint.handler.js';
import { HoldComplaintHandler } from './commands/hold-complaint.handler.js';
import { AddComplaintInformationHandler } from './commands/add-complaint-information.handler.js';
import { ReturnComplaintHandler } from './commands/return-complaint.handler.js';
import { ArchiveComplaintHandler } from './commands/archive-complaint.handler.js';
import { CloseComplaintHandler } from './commands/close-complaint.handler.js';
import { RateComplaintHandler } from './commands/rate-complaint.handler.js';
import { DisputeComplaintHandler } from './commands/dispute-complaint.handler.js';
import { ReopenComplaintHandler } from './commands/reopen-complaint.handler.js';
import { ConcludeComplaintHandler } from './commands/conclude-complaint.handler.js';
import { OrderFieldCheckHandler } from './commands/order-field-check.handler.js';
import { RecordSanctionRemedyHandler } from './commands/record-sanction-remedy.handler.js';
import { ComplaintsResolver } from './complaints.resolver.js';
import { OmbudsmanExaminationResolver } from './ombudsman-examination.resolver.js';
import { AcceptComplaintForExaminationHandler } from './commands/accept-complaint-for-examination.handler.js';
import { RejectComplaintForExaminationHandler } from './commands/reject-complaint-for-examination.handler.js';
import { IssueRecommendationHandler } from './commands/issue-recommendation.handler.js';
import { ReportRecommendationImplementationHandler } from './commands/report-recommendation-implementation.handler.js';
import { EscalateComplaintHandler } from './commands/escalate-complaint.handler.js';
import { ForwardComplaintHandler } from './commands/forward-complaint.handler.js';
import { RespondToComplaintHandler } from './commands/respond-to-complaint.handler.js';
import { SanctionComplaintHandler } from './commands/sanction-complaint.handler.js';
import { SubmitComplaintHandler } from './commands/submit-complaint.handler.js';
import { EraseReporterIdentityHandler } from './commands/erase-reporter-identity.handler.js';
import { ReporterContacts } from './reporter-contacts.js';
import { ReporterIdentityResolver } from './reporter-identity.resolver.js';

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
    ComplaintWorkflowResolver,
    VerifyComplaintHandler,
    ClassifyComplaintHandler,
    HoldComplaintHandler,
    AddComplaintInformationHandler,
    ReturnComplaintHandler,
    ArchiveComplaintHandler,
    CloseComplaintHandler,
    RateComplaintHandler,
    DisputeComplaintHandler,
    ReopenComplaintHandler,
    ConcludeComplaintHandler,
    OrderFieldCheckHandler,
    RecordSanctionRemedyHandler,
    OmbudsmanExaminationResolver,
    AcceptComplaintForExaminationHandler,
    RejectComplaintForExaminationHandler,
    IssueRecommendationHandler,
    ReportRecommendationImplementationHandler,
    ReporterIdentityResolver,
    ReporterContacts,
    EraseReporterIdentityHandler,
  ],
  exports: [ReporterContacts],
})
export class ComplaintsModule {}
